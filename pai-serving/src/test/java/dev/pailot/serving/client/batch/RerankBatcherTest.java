package dev.pailot.serving.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankResult;
import dev.pailot.serving.client.RerankScore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rerank batcher against MockWebServer: grouping by query, splitting scores back, topN. */
class RerankBatcherTest {
  private FakePoolingServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakePoolingServer();
    client = InferenceClient.builder().endpoint(server.endpoint()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static RerankRequest req(String query, Integer topN, String... docs) {
    RerankRequest.Builder b = RerankRequest.builder().query(query).addDocuments(docs);
    if (topN != null) {
      b.topN(topN);
    }
    return b.build();
  }

  @Test
  @SuppressWarnings("try") // closes the batcher explicitly to check what close() drains
  void requestsSharingAQueryShareACallAndGetTheirOwnDocumentsBack() throws Exception {
    BatchSettings settings =
        BatchSettings.builder().maxItems(5).maxWait(Duration.ofHours(1)).maxInFlight(2).build();
    try (RerankBatcher batcher = client.rerankBatcher(settings)) {
      var first = batcher.rerank(req("q", null, "aaa", "a"));
      var other = batcher.rerank(req("other query", null, "zz"));
      var second = batcher.rerank(req("q", 1, "b", "bbbb", "bb")); // q now has 5 documents: full

      RerankResult r1 = first.get(30, TimeUnit.SECONDS);
      RerankResult r2 = second.get(30, TimeUnit.SECONDS);
      assertThat(r1.results().stream().map(RerankScore::index)).containsExactly(0, 1);
      assertThat(r1.results().get(0).relevanceScore()).isEqualTo(3.0);
      assertThat(r2.results()).hasSize(1); // its own topN
      assertThat(r2.results().get(0).index()).isEqualTo(1); // "bbbb", index into its own list
      assertThat(r2.results().get(0).relevanceScore()).isEqualTo(4.0);
      assertThat(other).isNotDone(); // another query: its own batch, still waiting

      batcher.close();
      assertThat(other.get(30, TimeUnit.SECONDS).results()).hasSize(1);
    }
    assertThat(server.bodies).hasSize(2);
    assertThat(server.bodies.get(0).get("query").asText()).isEqualTo("q");
    assertThat(server.bodies.get(0).get("documents").size()).isEqualTo(5);
    assertThat(server.bodies.get(0).has("top_n")).isFalse();
    assertThat(server.bodies.get(1).get("query").asText()).isEqualTo("other query");
  }
}
