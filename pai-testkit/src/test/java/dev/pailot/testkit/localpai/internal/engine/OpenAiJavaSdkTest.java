package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK talks to the engine unchanged: base URL = service endpoint + {@code
 * /v1}, API key = the service token (the EAS gateway checks it; this harness has no gateway).
 */
class OpenAiJavaSdkTest {
  private static EngineHarness engine;
  private static OpenAIClient client;

  @BeforeAll
  static void start() {
    engine = EngineHarness.start(Specs.fastVllm(""));
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(engine.endpoint() + "/v1")
            .apiKey("eas-service-token")
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    engine.close();
  }

  private static ChatCompletionCreateParams.Builder chat() {
    return ChatCompletionCreateParams.builder()
        .model("qwen")
        .addUserMessage("What is continuous batching?")
        .maxCompletionTokens(12)
        .temperature(0.0);
  }

  @Test
  void streamsAChatCompletion() {
    ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
    StringBuilder text = new StringBuilder();
    ChatCompletionCreateParams params =
        chat()
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream()
          .peek(acc::accumulate)
          .flatMap(chunk -> chunk.choices().stream())
          .flatMap(choice -> choice.delta().content().stream())
          .forEach(text::append);
    }
    ChatCompletion done = acc.chatCompletion();

    assertThat(text.toString().trim().split(" ")).hasSize(12);
    assertThat(done.choices().get(0).message().content()).hasValue(text.toString());
    assertThat(done.choices().get(0).finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    assertThat(done.usage())
        .hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(12));
  }

  @Test
  void answersANonStreamingChatAndACompletion() {
    ChatCompletion answer = client.chat().completions().create(chat().build());
    assertThat(answer.choices().get(0).message().content()).isPresent();
    assertThat(answer.usage())
        .hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(12));

    Completion completion =
        client
            .completions()
            .create(
                CompletionCreateParams.builder()
                    .model("qwen")
                    .prompt("Once upon a time")
                    .maxTokens(4)
                    .build());
    assertThat(completion.choices().get(0).text().trim().split(" ")).hasSize(4);
  }
}
