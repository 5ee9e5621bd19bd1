package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.ThrottlingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/client.md}, run against an EAS service on LocalPai. */
class InferenceClientDocsTest {
  private static LocalEas eas;
  private static String endpoint;
  private static String token;

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(LocalEas.vllm("qwen_chat", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    eas.awaitRunning("qwen_chat");
    endpoint = eas.endpoint("qwen_chat");
    token = eas.token("qwen_chat");
  }

  @AfterAll
  static void stop() {
    eas.close();
  }

  @Test
  void buildStreamAndReadTimings() {
    MeterRegistry registry = new SimpleMeterRegistry();
    // tag::build[]
    InferenceClient client =
        InferenceClient.builder()
            .endpoint(endpoint) // http://<uid>.<region>.pai-eas.aliyuncs.com/api/predict/<service>
            .token(token) // the service's AccessToken; never logged or printed
            .meterRegistry(registry) // optional: inference.* meters, tag service_name=qwen_chat
            .concurrencyLimit(64) // requests in flight; more wait in the client's queue
            .maxQueued(256) // one more is refused at once
            .build();
    // end::build[]
    try (client) {
      // tag::stream[]
      ChatRequest request =
          ChatRequest.builder()
              .model("qwen")
              .system("Answer in one sentence.")
              .user("What is PAI-EAS?")
              .maxTokens(64)
              .build();
      StreamHandle handle =
          client.stream(
              request,
              new StreamListener() {
                @Override
                public void onDelta(Delta delta) {
                  System.out.print(delta.text()); // on the client's I/O thread, in order
                }

                @Override
                public void onError(Throwable error) {
                  System.err.println(error.getMessage());
                }
              });
      ChatResult result = handle.result().join(); // or handle.cancel() to abort the generation
      // end::stream[]

      // tag::timings[]
      Timings t = result.timings();
      System.out.printf(
          "TTFT %s, TPOT %s, E2E %s, %d tokens in, %d out, queued %s%n",
          t.timeToFirstToken().orElseThrow(),
          t.timePerOutputToken().orElseThrow(),
          t.endToEnd(),
          t.tokensIn(),
          t.tokensOut(),
          t.queueWait());
      result.usage().flatMap(Usage::cachedTokens).ifPresent(c -> System.out.println(c + " cached"));
      // end::timings[]
      assertThat(t.tokensOut()).isEqualTo(64);
      assertThat(registry.get("inference.request.duration").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void publisherAndAsync() {
    try (InferenceClient client =
        InferenceClient.builder().endpoint(endpoint).token(token).build()) {
      ChatRequest request = ChatRequest.builder().user("Hello").maxTokens(8).build();
      // tag::flow[]
      DeltaPublisher publisher = client.publisher(request); // nothing is sent yet
      publisher.subscribe(
          new Flow.Subscriber<Delta>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
              subscription = s;
              s.request(1); // the request is sent now
            }

            @Override
            public void onNext(Delta delta) {
              System.out.print(delta.text());
              subscription.request(1); // no demand = the client stops reading the connection
            }

            @Override
            public void onError(Throwable error) {}

            @Override
            public void onComplete() {}
          });
      ChatResult streamed = publisher.result().join(); // usage and timings
      // end::flow[]

      // tag::async[]
      CompletableFuture<ChatResult> answer = client.chatAsync(request); // not streamed
      CompletableFuture<String> text = answer.thenApply(ChatResult::text);
      // answer.cancel(true) would close the connection and the engine would abort the request
      // end::async[]
      assertThat(streamed.timings().tokensOut()).isEqualTo(8);
      assertThat(text.join().trim().split(" ")).hasSize(8);
    }
  }

  @Test
  void prioritiesDeadlinesAndErrors() {
    try (InferenceClient client =
        InferenceClient.builder().endpoint(endpoint).token("a-wrong-token").build()) {
      // tag::admission[]
      ChatRequest nightly =
          ChatRequest.builder()
              .user("Summarise yesterday's tickets.")
              .priorityClass(PriorityClass.BATCH) // queued interactive requests go first
              .deadline(Duration.ofSeconds(30)) // includes time queued in the client
              .build();
      // end::admission[]
      String outcome;
      // tag::errors[]
      try {
        client.chat(nightly);
        outcome = "ok";
      } catch (AuthenticationException e) { // HTTP 401/403: the message says to check the token
        outcome = "token";
      } catch (ThrottlingException e) { // HTTP 429: e.retryAfter() carries Retry-After
        outcome = "throttled";
      } catch (ServiceNotReadyException e) { // 503 "no healthy upstream": not Running yet
        outcome = "not ready";
      } catch (EndpointUnavailableException e) { // 5xx or no connection; nothing was generated
        outcome = "unavailable";
      } catch (InferenceTimeoutException e) { // e.phase(): QUEUED, FIRST_TOKEN, IDLE, DEADLINE
        outcome = "timeout";
      } catch (AdmissionRejectedException e) { // the client's queue was full
        outcome = "rejected";
      } catch (InferenceResponseException e) { // e.reason(): engine error, malformed, truncated
        outcome = "broken answer";
      }
      // end::errors[]
      assertThat(outcome).isEqualTo("token");
    }
  }
}
