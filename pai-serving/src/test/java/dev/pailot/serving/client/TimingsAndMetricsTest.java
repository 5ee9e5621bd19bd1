package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-request timings, and the meters Prometheus scrapes under the blueprint's names. */
class TimingsAndMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/qwen_chat").toString())
            .meterRegistry(registry)
            .interTokenHistogram(true)
            .transport(transport())
            .directListeners(directListeners())
            .build();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  /** Whether stream listeners run on the I/O thread; a subclass runs the same cases so. */
  boolean directListeners() {
    return false;
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private ChatResult streamOnce() {
    server.enqueue(Sse.stream(Sse.answer()).throttleBody(64, 2, TimeUnit.MILLISECONDS).build());
    return Await.result(
        client.stream(ChatRequest.builder().user("Hi").build(), new RecordingListener()).result());
  }

  @Test
  void streamedResultCarriesOrderedTimings() {
    Timings t = streamOnce().timings();

    Duration ttft = t.timeToFirstToken().orElseThrow();
    assertThat(t.queueWait()).isLessThanOrEqualTo(ttft);
    assertThat(ttft).isPositive().isLessThanOrEqualTo(t.endToEnd());
    assertThat(t.timePerOutputToken()).isPresent();
    InterTokenLatency itl = t.interTokenLatency().orElseThrow();
    assertThat(itl.count()).isEqualTo(2);
    assertThat(itl.mean()).isLessThanOrEqualTo(itl.max());
    assertThat(itl.bucketCounts()).hasSize(InterTokenLatency.BUCKET_BOUNDS.size() + 1);
    assertThat(itl.bucketCounts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    assertThat(t.tokensIn()).isEqualTo(12);
    assertThat(t.tokensOut()).isEqualTo(3);
    assertThat(t.attempts()).isEqualTo(1);
    assertThat(t.endpoint()).isEqualTo(server.url("/api/predict/qwen_chat").toString());
  }

  @Test
  void metersHaveTheBlueprintNamesTagsAndHistograms() {
    streamOnce();
    server.enqueue(Sse.json(503, "no healthy upstream").build());
    Await.failure(client.chatAsync(ChatRequest.builder().user("Hi").build()));

    Timer duration =
        registry
            .get("inference.request.duration")
            .tags(
                "service_name", "qwen_chat", "outcome", "success", "operation", "chat.completions")
            .timer();
    assertThat(duration.count()).isEqualTo(1);
    HistogramSnapshot snapshot = duration.takeSnapshot();
    assertThat(snapshot.histogramCounts()).as("percentile histogram buckets").isNotEmpty();
    assertThat(
            registry
                .get("inference.request.duration")
                .tags("service_name", "qwen_chat", "outcome", "unavailable")
                .timer()
                .count())
        .isEqualTo(1);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("inference_request_duration_seconds_bucket{")
        .containsPattern(
            "inference_request_duration_seconds_bucket\\{[^}]*outcome=\"success\"[^}]*"
                + "service_name=\"qwen_chat\"")
        .contains("inference_time_to_first_token_seconds_bucket{")
        .contains("inference_time_per_output_token_seconds_bucket{")
        .contains("inference_queue_wait_seconds_bucket{")
        .containsPattern("inference_tokens_total\\{direction=\"in\",service_name=\"qwen_chat\"} 12")
        .containsPattern("inference_tokens_total\\{direction=\"out\",service_name=\"qwen_chat\"} 3")
        .containsPattern("inference_requests_in_flight\\{service_name=\"qwen_chat\"} 0")
        .containsPattern("inference_requests_queued\\{service_name=\"qwen_chat\"} 0")
        .containsPattern(
            "inference_concurrency_limit\\{service_name=\"qwen_chat\"} "
                + InferenceClientBuilder.DEFAULT_CONCURRENCY_LIMIT);
  }

  @Test
  void closingTheClientRemovesItsGauges() {
    client.close();

    assertThat(registry.find("inference.requests.in.flight").gauge()).isNull();
    assertThat(registry.find("inference.concurrency.limit").gauge()).isNull();
  }
}
