package dev.pailot.serving.client.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pailot.serving.client.EndpointUnavailableException;
import dev.pailot.serving.client.InferenceClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedding batcher through a real {@link InferenceClient} against MockWebServer: the wire
 * shape, routing by index, 413 splitting, failures and metrics. Batches are made to leave by
 * filling them (maxWait is an hour), so nothing depends on timing.
 */
class EmbeddingBatcherTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private FakePoolingServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakePoolingServer();
    client =
        InferenceClient.builder()
            .endpoint(server.endpoint())
            .defaultModel("bge")
            .meterRegistry(registry)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static BatchSettings full(int items) {
    return BatchSettings.builder()
        .maxItems(items)
        .maxWait(Duration.ofHours(1))
        .maxInFlight(1)
        .build();
  }

  private static <T> T value(CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  @Test
  void textsLeaveAsOneOpenAiBatchAndComeBackByIndex() throws Exception {
    try (EmbeddingBatcher batcher = client.embeddingBatcher(full(3))) {
      var a = batcher.embed("a");
      var bb = batcher.embed("bb");
      var ccc = batcher.embed("ccc");

      assertThat(value(a)).startsWith(1f, 'a');
      assertThat(value(bb)).startsWith(2f, 'b');
      assertThat(value(ccc)).startsWith(3f, 'c');
    }
    assertThat(server.bodies).hasSize(1);
    assertThat(server.bodies.get(0).get("model").asText()).isEqualTo("bge");
    assertThat(server.bodies.get(0).get("input").toString()).isEqualTo("[\"a\",\"bb\",\"ccc\"]");
    assertThat(
            registry.get("inference.batch.size").tag("operation", "embeddings").summary().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("inference.request.duration")
                .tag("operation", "embeddings")
                .timer()
                .count())
        .isEqualTo(1); // one HTTP request for three texts
  }

  @Test
  void theDefaultEstimatorCountsFourCharactersPerTokenAndAnotherCanBePlugged() throws Exception {
    BatchSettings byTokens =
        BatchSettings.builder()
            .maxTokens(3)
            .maxWait(Duration.ofHours(1))
            .maxInFlight(1)
            .build(); // only the token budget can make a batch leave
    try (EmbeddingBatcher batcher = client.embeddingBatcher(byTokens)) {
      var one = batcher.embed("aaaa"); // 1 token
      var two = batcher.embed("bbbbbbb"); // 7 characters: 2 tokens, 3 in all: full
      value(one);
      value(two);
    }
    BatchSettings pricey = byTokens.toBuilder().tokenEstimator(text -> 3).build();
    try (EmbeddingBatcher batcher = client.embeddingBatcher(pricey)) {
      value(batcher.embed("x")); // 3 tokens on its own: full
    }
    assertThat(server.bodies.stream().map(b -> b.get("input").size())).containsExactly(2, 1);
  }

  @Test
  void aBatchTheServerFindsTooLargeIsSplitUntilItFits() throws Exception {
    server.maxAccepted.set(2);
    try (EmbeddingBatcher batcher = client.embeddingBatcher(full(8))) {
      List<CompletableFuture<float[]>> all =
          IntStream.range(0, 8).mapToObj(i -> batcher.embed("t".repeat(i + 1))).toList();
      for (int i = 0; i < 8; i++) {
        assertThat(value(all.get(i))[0]).isEqualTo(i + 1);
      }
    }
    // 8 (413) -> 4 (413) -> 2 + 2, then 4 (413) -> 2 + 2
    assertThat(server.bodies.stream().map(b -> b.get("input").size()))
        .containsExactly(8, 4, 2, 2, 4, 2, 2);
  }

  @Test
  void aFailedBatchFailsAllItsMembersWithTheClientsException() {
    try (EmbeddingBatcher batcher = client.embeddingBatcher(full(2))) {
      var ok = batcher.embed("fine");
      var bad = batcher.embed("fail");
      for (CompletableFuture<float[]> f : List.of(ok, bad)) {
        Throwable t = catchThrowable(() -> f.get(30, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(EndpointUnavailableException.class);
      }
    }
  }

  @Test
  void closeSendsThePartialBatchAtOnce() throws Exception {
    EmbeddingBatcher batcher = client.embeddingBatcher(full(64));
    var a = batcher.embed("a");
    assertThat(batcher.pending()).isEqualTo(1);
    batcher.close(); // maxWait is an hour: only close makes it leave
    assertThat(a).isDone();
    assertThat(value(a)).startsWith(1f, 'a');
  }

  @Test
  void manyThreadsGetTheirOwnVectorsOnTheRealClock() throws Exception {
    BatchSettings settings =
        BatchSettings.builder().maxItems(16).maxWait(Duration.ofMillis(1)).maxInFlight(2).build();
    List<String> texts = IntStream.range(0, 2_000).mapToObj(i -> "text-" + i).toList();
    List<CompletableFuture<float[]>> results =
        new java.util.concurrent.CopyOnWriteArrayList<>(
            java.util.Collections.nCopies(texts.size(), null));
    try (EmbeddingBatcher batcher = client.embeddingBatcher(settings)) {
      List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = first; i < texts.size(); i += 8) {
                    results.set(i, batcher.embed(texts.get(i)));
                  }
                });
        thread.start();
        threads.add(thread);
      }
      for (Thread t : threads) {
        t.join();
      }
      for (int i = 0; i < texts.size(); i++) {
        assertThat(value(results.get(i))[2]).isEqualTo((float) texts.get(i).hashCode());
      }
    }
    int sent = server.bodies.stream().mapToInt(b -> b.get("input").size()).sum();
    assertThat(sent).isEqualTo(texts.size());
    assertThat(server.bodies)
        .allSatisfy(b -> assertThat(b.get("input").size()).isLessThanOrEqualTo(16));
    assertThat(server.bodies.size()).isLessThan(texts.size()); // coalesced at least once
  }
}
