package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI wire format of the engine, streaming and not, over real HTTP. */
class OpenAiStreamingTest {
  private static EngineHarness engine;

  @BeforeAll
  static void start() {
    engine = EngineHarness.start(Specs.fastVllm("--max-num-seqs 16"));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static ObjectNode chat(String content, int maxTokens) {
    ObjectNode body = Specs.JSON.createObjectNode().put("model", "qwen");
    body.putArray("messages").addObject().put("role", "user").put("content", content);
    return body.put("max_tokens", maxTokens);
  }

  @Test
  void streamsOpenAiChunksThenUsageThenDone() throws Exception {
    ObjectNode body = chat("Say something", 7).put("stream", true).put("seed", 1);
    body.putObject("stream_options").put("include_usage", true);
    HttpResponse<String> r = Http.post(engine.uri("/v1/chat/completions"), body);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> events = Http.events(r);
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    List<String> chunks = events.subList(0, events.size() - 2);
    JsonNode first = Specs.JSON.readTree(chunks.get(0));
    assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.path("id").asText()).startsWith("chatcmpl-");
    assertThat(first.path("created").asLong()).isPositive();
    assertThat(first.path("model").asText()).isEqualTo("qwen");
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    StringBuilder text = new StringBuilder();
    String finish = null;
    for (String c : chunks) {
      JsonNode chunk = Specs.JSON.readTree(c);
      assertThat(chunk.path("id").asText()).isEqualTo(first.path("id").asText());
      assertThat(chunk.has("usage")).isTrue();
      assertThat(chunk.path("usage").isNull()).isTrue();
      text.append(chunk.at("/choices/0/delta/content").asText(""));
      finish =
          chunk.at("/choices/0/finish_reason").isNull()
              ? finish
              : chunk.at("/choices/0/finish_reason").asText();
    }
    assertThat(finish).isEqualTo("length");
    assertThat(text.toString().trim().split(" ")).hasSize(7);
    JsonNode usage = Specs.JSON.readTree(events.get(events.size() - 2));
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(7);
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isPositive();
    assertThat(usage.at("/usage/total_tokens").asInt())
        .isEqualTo(usage.at("/usage/prompt_tokens").asInt() + 7);
  }

  @Test
  void completionsStreamTextChunksWithoutUsageUnlessAsked() throws Exception {
    ObjectNode body = Specs.JSON.createObjectNode().put("prompt", "Once upon a time");
    body.put("max_tokens", 4).put("stream", true);
    List<String> events = Http.events(Http.post(engine.uri("/v1/completions"), body));

    assertThat(events).hasSize(5).endsWith("[DONE]");
    JsonNode last = Specs.JSON.readTree(events.get(3));
    assertThat(last.path("object").asText()).isEqualTo("text_completion");
    assertThat(last.path("id").asText()).startsWith("cmpl-");
    assertThat(last.at("/choices/0/text").asText()).startsWith(" ");
    assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(last.has("usage")).isFalse();
  }

  @Test
  void nonStreamingChatIsOneCompletionObject() {
    HttpResponse<String> r = Http.post(engine.uri("/v1/chat/completions"), chat("Hi", 5));
    JsonNode answer = Http.json(r);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(answer.at("/choices/0/message/content").asText().trim().split(" ")).hasSize(5);
    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(5);
  }

  @Test
  void nonStreamingCompletionHasText() {
    ObjectNode body = Specs.JSON.createObjectNode().put("prompt", "abc").put("max_tokens", 3);
    JsonNode answer = Http.json(Http.post(engine.uri("/v1/completions"), body));

    assertThat(answer.path("object").asText()).isEqualTo("text_completion");
    assertThat(answer.at("/choices/0/text").asText().trim().split(" ")).hasSize(3);
  }

  @Test
  void sameSeedSameTextOtherSeedOtherText() {
    String a = content(chat("Tell me a story", 20).put("seed", 11));
    String b = content(chat("Tell me a story", 20).put("seed", 11));
    String c = content(chat("Tell me a story", 20).put("seed", 12));
    String greedy1 = content(chat("Tell me a story", 20).put("temperature", 0));
    String greedy2 = content(chat("Tell me a story", 20).put("temperature", 0));

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(greedy1).isEqualTo(greedy2);
  }

  @Test
  void stopStringEndsOutputBeforeIt() {
    String full = content(chat("Explain batching", 30).put("seed", 5));
    String[] words = full.trim().split(" ");
    String stop = " " + words[10];
    int cut = full.indexOf(stop);

    ObjectNode body = chat("Explain batching", 30).put("seed", 5).put("stream", true);
    body.putArray("stop").add(stop);
    List<String> events = Http.events(Http.post(engine.uri("/v1/chat/completions"), body));
    StringBuilder streamed = new StringBuilder();
    String finish = null;
    for (String e : events.subList(0, events.size() - 1)) {
      JsonNode chunk = Http.parse(e);
      streamed.append(chunk.at("/choices/0/delta/content").asText(""));
      if (!chunk.at("/choices/0/finish_reason").isNull()) {
        finish = chunk.at("/choices/0/finish_reason").asText();
      }
    }
    assertThat(streamed.toString()).isEqualTo(full.substring(0, cut));
    assertThat(finish).isEqualTo("stop");
  }

  @Test
  void badInputIsA400InOpenAiErrorShape() {
    HttpResponse<String> r = Http.post(engine.uri("/v1/chat/completions"), chat("x", 0));
    JsonNode error = Http.json(r).path("error");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error.path("message").asText()).contains("max_tokens");
    assertThat(error.path("type").asText()).isEqualTo("BadRequestError");
    assertThat(error.path("code").asInt()).isEqualTo(400);
    HttpResponse<String> tooLong = Http.post(engine.uri("/v1/chat/completions"), chat("x", 40000));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(Http.json(tooLong).at("/error/message").asText()).contains("maximum context length");
    HttpResponse<String> garbage =
        Http.send(Http.post(engine.uri("/v1/chat/completions"), "{not json"));
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(Http.json(garbage).at("/error/type").asText()).isEqualTo("BadRequestError");
  }

  @Test
  void unknownModelIs404AndModelsListsTheServedOne() {
    ObjectNode body = chat("x", 1).put("model", "gpt-4");
    HttpResponse<String> r = Http.post(engine.uri("/v1/chat/completions"), body);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).at("/error/message").asText()).contains("gpt-4");

    JsonNode models = Http.json(Http.get(engine.uri("/v1/models")));
    assertThat(models.at("/data/0/id").asText()).isEqualTo("qwen");
    assertThat(models.at("/data/0/object").asText()).isEqualTo("model");
    assertThat(Http.get(engine.uri("/health")).statusCode()).isEqualTo(200);
    assertThat(Http.get(engine.uri("/v1/nothing")).statusCode()).isEqualTo(404);
  }

  @Test
  void requestIdIsEchoed() {
    HttpResponse<String> r =
        Http.post(engine.uri("/v1/chat/completions"), chat("x", 2).put("request_id", "abc-1"));
    assertThat(Http.json(r).path("id").asText()).isEqualTo("chatcmpl-abc-1");
  }

  private static String content(ObjectNode body) {
    return Http.json(Http.post(engine.uri("/v1/chat/completions"), body))
        .at("/choices/0/message/content")
        .asText();
  }
}
