package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.pailot.core.Pai;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * End to end: a vLLM service deployed through LocalPai's EAS API (the real CreateService wire form)
 * becomes ready behind the gateway, and the official OpenAI Java SDK streams from it with the
 * service token, unchanged.
 */
class LlmServiceOnLocalPaiTest {
  private static ObjectNode vllmService(String name) {
    ObjectNode spec =
        EasCalls.spec(name, 1, "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5");
    ((ObjectNode) spec.get("metadata")).putObject("rpc").put("keepalive", 600000);
    ((ObjectNode) spec.get("cloud").get("computing")).put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    ObjectNode container = (ObjectNode) spec.get("containers").get(0);
    container.put("script", "vllm serve /mnt/model --served-model-name qwen --max-num-seqs 64");
    container.putArray("env").addObject().put("name", "LOCALPAI_STEP_BASE_US").put("value", "200");
    spec.putArray("storage")
        .addObject()
        .put("mount_path", "/mnt/model")
        .putObject("oss")
        .put("path", "oss://models/qwen2.5-0.5b-instruct/");
    return spec;
  }

  @Test
  void openAiSdkStreamsFromAnEasLlmService() {
    try (LocalPai localPai =
            LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
        Pai pai = localPai.newClient()) {
      EasCalls eas = new EasCalls(pai, localPai.region());
      eas.create(vllmService("qwen_chat"));
      eas.awaitStatus("qwen_chat", "Running");
      JsonNode service = eas.describe("qwen_chat");
      String endpoint = service.path("InternetEndpoint").asText();
      String token = service.path("AccessToken").asText();
      assertThat(URI.create(endpoint).getPath()).isEqualTo("/api/predict/qwen_chat");

      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(endpoint + "/v1")
              .apiKey(token)
              .maxRetries(0)
              .build();
      StringBuilder text = new StringBuilder();
      AtomicReference<Long> completionTokens = new AtomicReference<>();
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("qwen")
              .addUserMessage("Say something about PAI.")
              .maxCompletionTokens(16)
              .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
              .build();
      try (StreamResponse<ChatCompletionChunk> stream =
          client.chat().completions().createStreaming(params)) {
        stream.stream()
            .forEach(
                chunk -> {
                  chunk.usage().ifPresent(u -> completionTokens.set(u.completionTokens()));
                  chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                });
      } finally {
        client.close();
      }
      assertThat(text.toString().trim().split(" ")).hasSize(16);
      assertThat(completionTokens.get()).isEqualTo(16L);

      HttpResponse<String> metrics = EasCalls.get(URI.create(endpoint + "/metrics"), token);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("vllm:generation_tokens_total");
    }
  }
}
