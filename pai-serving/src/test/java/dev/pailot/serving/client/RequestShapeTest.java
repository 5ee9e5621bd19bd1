package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire: paths, headers and OpenAI-compatible JSON bodies. */
class RequestShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/shape/").toString())
            .token("shape-token-abcdef")
            .defaultModel("qwen")
            .transport(transport())
            .build();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest();
  }

  private static JsonNode body(RecordedRequest r) throws IOException {
    return JSON.readTree(r.getBody().string(StandardCharsets.UTF_8));
  }

  @Test
  void streamedChatCarriesEveryOptionAndAsksForUsage() throws Exception {
    server.enqueue(Sse.stream(Sse.answer()).build());
    ChatRequest request =
        ChatRequest.builder()
            .system("Be brief.")
            .user("Hi")
            .maxTokens(32)
            .temperature(0.0)
            .topP(0.9)
            .seed(7L)
            .addStop("\n\n")
            .priority(-1)
            .requestId("req-42")
            .cacheSalt("tenant-a")
            .putExtraBody("top_k", 20)
            .putExtraBody("chat_template_kwargs", Map.of("enable_thinking", false))
            .build();

    ChatResult result = Await.result(client.stream(request, new RecordingListener()).result());

    RecordedRequest r = taken();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/predict/shape/v1/chat/completions");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("shape-token-abcdef");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo("req-42");
    JsonNode b = body(r);
    assertThat(b.get("model").asText()).isEqualTo("qwen");
    assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("system");
    assertThat(b.get("messages").get(1).get("content").asText()).isEqualTo("Hi");
    assertThat(b.get("max_tokens").asInt()).isEqualTo(32);
    assertThat(b.get("temperature").asDouble()).isZero();
    assertThat(b.get("top_p").asDouble()).isEqualTo(0.9);
    assertThat(b.get("seed").asLong()).isEqualTo(7);
    assertThat(b.get("stop").get(0).asText()).isEqualTo("\n\n");
    assertThat(b.get("priority").asInt()).isEqualTo(-1);
    assertThat(b.get("request_id").asText()).isEqualTo("req-42");
    assertThat(b.get("cache_salt").asText()).isEqualTo("tenant-a");
    assertThat(b.get("stream").asBoolean()).isTrue();
    assertThat(b.get("stream_options").get("include_usage").asBoolean()).isTrue();
    assertThat(b.get("top_k").asInt()).isEqualTo(20);
    assertThat(b.get("chat_template_kwargs").get("enable_thinking").asBoolean()).isFalse();
    assertThat(result.requestId()).isEqualTo("req-42");
  }

  @Test
  void nonStreamedChatLeavesStreamOptionsAndUnsetFieldsOut() throws Exception {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("Hello")).build());

    ChatResult result = client.chat(ChatRequest.builder().user("Hi").build());

    RecordedRequest r = taken();
    JsonNode b = body(r);
    assertThat(b.has("stream")).isFalse();
    assertThat(b.has("stream_options")).isFalse();
    assertThat(b.has("request_id")).isFalse();
    assertThat(b.has("max_tokens")).isFalse();
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("X-Request-Id")).isNotBlank().isEqualTo(result.requestId());
    assertThat(result.text()).isEqualTo("Hello");
    assertThat(result.finishReason()).contains("stop");
    assertThat(result.usage().orElseThrow().completionTokens()).isEqualTo(2);
    assertThat(result.timings().timeToFirstToken()).isEmpty();
    assertThat(result.timings().tokensOut()).isEqualTo(2);
  }

  @Test
  void includeUsageCanBeTurnedOff() throws Exception {
    server.enqueue(Sse.stream(Sse.chunk("x") + Sse.done()).build());

    Await.result(
        client.stream(
                ChatRequest.builder().user("Hi").includeUsage(false).build(),
                new RecordingListener())
            .result());

    assertThat(body(taken()).has("stream_options")).isFalse();
  }

  @Test
  void textCompletionStreamsFromTheTextField() throws Exception {
    String chunk =
        Sse.event(
            "{\"id\":\"cmpl-1\",\"object\":\"text_completion\","
                + "\"choices\":[{\"index\":0,\"text\":\" upon\",\"finish_reason\":null}]}");
    server.enqueue(Sse.stream(chunk + chunk + Sse.done()).build());

    ChatResult result =
        Await.result(
            client.stream(
                    CompletionRequest.builder().prompt("Once").build(), new RecordingListener())
                .result());

    RecordedRequest r = taken();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/predict/shape/v1/completions");
    assertThat(body(r).get("prompt").asText()).isEqualTo("Once");
    assertThat(result.text()).isEqualTo(" upon upon");
    assertThat(result.timings().tokensOut()).as("no usage: counted deltas").isEqualTo(2);
  }

  @Test
  void embeddingsAndRerankUseTheirRoutes() throws Exception {
    server.enqueue(
        Sse.json(
                200,
                "{\"model\":\"bge\",\"data\":[{\"index\":1,\"embedding\":[0.5,0.5]},"
                    + "{\"index\":0,\"embedding\":[1.0,0.0]}],\"usage\":{\"prompt_tokens\":4,"
                    + "\"total_tokens\":4}}")
            .build());
    server.enqueue(
        Sse.json(
                200,
                "{\"results\":[{\"index\":1,\"relevance_score\":0.9,\"document\":{\"text\":\"b\"}},"
                    + "{\"index\":0,\"relevance_score\":0.1,\"document\":\"a\"}]}")
            .build());

    EmbeddingResult e =
        client.embed(EmbeddingRequest.builder().addInputs("a", "b").dimensions(2).build());
    RerankResult rr =
        client.rerank(
            RerankRequest.builder()
                .query("q")
                .addDocuments("a", "b")
                .topN(2)
                .returnDocuments(true)
                .build());

    RecordedRequest er = taken();
    assertThat(er.getUrl().encodedPath()).isEqualTo("/api/predict/shape/v1/embeddings");
    assertThat(body(er).get("input").size()).isEqualTo(2);
    assertThat(body(er).get("dimensions").asInt()).isEqualTo(2);
    assertThat(e.embeddings()).extracting(Embedding::index).containsExactly(0, 1);
    assertThat(e.embeddings().get(0).vector()).containsExactly(1.0f, 0.0f);
    assertThat(e.usage().orElseThrow().promptTokens()).isEqualTo(4);
    RecordedRequest rq = taken();
    assertThat(rq.getUrl().encodedPath()).isEqualTo("/api/predict/shape/v1/rerank");
    assertThat(body(rq).get("top_n").asInt()).isEqualTo(2);
    assertThat(rr.results()).extracting(RerankScore::index).containsExactly(1, 0);
    assertThat(rr.results()).extracting(s -> s.document().orElseThrow()).containsExactly("b", "a");
  }

  @Test
  void rawPredictPostsBytesAndReturnsTheProcessorsStatus() throws Exception {
    server.enqueue(Sse.json(418, "{\"teapot\":true}").build());

    PredictResult result =
        client.predict(
            PredictRequest.builder()
                .body("{\"x\":1}".getBytes(StandardCharsets.UTF_8))
                .path("/custom/run")
                .build());

    RecordedRequest r = taken();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/predict/shape/custom/run");
    assertThat(r.getBody().utf8()).isEqualTo("{\"x\":1}");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    // The answer is whatever the service returns: no Accept header claims JSON for it.
    assertThat(r.getHeaders().get("Accept")).isNull();
    assertThat(result.status()).isEqualTo(418);
    assertThat(result.bodyText()).isEqualTo("{\"teapot\":true}");
  }

  @Test
  void bearerTokenAndOpenAiBaseUrl() throws Exception {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("ok")).build());
    try (InferenceClient openAi =
        InferenceClient.builder()
            .endpoint(server.url("/v1").toString())
            .bearerToken("sk-abcdef")
            .build()) {
      openAi.chat(ChatRequest.builder().user("Hi").build());

      RecordedRequest r = taken();
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer sk-abcdef");
      assertThat(openAi.serviceName()).isEqualTo(server.getHostName());
    }
    assertThat(client.serviceName()).isEqualTo("shape");
  }

  @Test
  void invalidRequestsFailAtTheBuilderNamingTheField() {
    Throwable noMessages = catchThrowable(() -> ChatRequest.builder().build());
    Throwable noPrompt = catchThrowable(() -> CompletionRequest.builder().build());
    Throwable badTopP = catchThrowable(() -> ChatRequest.builder().user("x").topP(1.5).build());
    Throwable reserved =
        catchThrowable(() -> ChatRequest.builder().user("x").putExtraBody("stream", false).build());
    Throwable badDeadline =
        catchThrowable(
            () -> ChatRequest.builder().user("x").deadline(java.time.Duration.ZERO).build());
    Throwable noEndpoint = catchThrowable(() -> InferenceClient.builder().build());
    Throwable queryInUrl =
        catchThrowable(() -> InferenceClient.builder().endpoint("http://h/v1?key=s").build());
    Throwable limitTooHigh =
        catchThrowable(
            () ->
                InferenceClient.builder()
                    .endpoint("http://h/v1")
                    .concurrencyLimit(100)
                    .maxRequestsPerHost(5)
                    .build());

    for (Throwable t :
        List.of(
            noMessages,
            noPrompt,
            badTopP,
            reserved,
            badDeadline,
            noEndpoint,
            queryInUrl,
            limitTooHigh)) {
      assertThat(t).isInstanceOf(ValidationException.class);
    }
    assertThat(((ValidationException) noMessages).field()).contains("messages");
    assertThat(((ValidationException) noPrompt).field()).contains("prompt");
    assertThat(noPrompt.getMessage()).contains("Fix: set prompt(");
    assertThat(((ValidationException) badTopP).field()).contains("topP");
    assertThat(((ValidationException) limitTooHigh).field()).contains("concurrencyLimit");
    assertThat(server.getRequestCount()).isZero();
  }
}
