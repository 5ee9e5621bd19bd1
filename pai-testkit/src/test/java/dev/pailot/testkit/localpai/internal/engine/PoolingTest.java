package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedding and rerank replicas over real HTTP. */
class PoolingTest {
  private static final Map<String, String> FAST =
      Map.of("LOCALPAI_POOLING_CALL_US", "100", "LOCALPAI_POOLING_ITEM_US", "10");

  @Test
  void embeddingsAreDeterministicNormalisedAndSized() {
    try (EngineHarness engine =
        EngineHarness.start(
            Specs.service(
                "ghcr.io/huggingface/text-embeddings-inference:1.5",
                "text-embeddings-router --model-id BAAI/bge-small-en-v1.5",
                FAST))) {
      ObjectNode body = Specs.JSON.createObjectNode();
      body.putArray("input")
          .add("GPU memory and KV cache")
          .add("KV cache and GPU memory")
          .add("a recipe for apple pie");
      JsonNode a = Http.json(Http.post(engine.uri("/v1/embeddings"), body));
      JsonNode b = Http.json(Http.post(engine.uri("/v1/embeddings"), body));

      assertThat(a.path("object").asText()).isEqualTo("list");
      assertThat(a.path("data")).hasSize(3);
      assertThat(a.at("/data/0/object").asText()).isEqualTo("embedding");
      assertThat(a.at("/data/0/embedding")).hasSize(384);
      assertThat(a.at("/usage/prompt_tokens").asInt()).isPositive();
      assertThat(a.path("data")).isEqualTo(b.path("data"));
      double[] v0 = vector(a, 0);
      assertThat(dot(v0, v0)).isCloseTo(1.0, within(1e-4));
      assertThat(dot(v0, vector(a, 1))).isGreaterThan(dot(v0, vector(a, 2)));

      body.put("dimensions", 64);
      assertThat(Http.json(Http.post(engine.uri("/v1/embeddings"), body)).at("/data/0/embedding"))
          .hasSize(64);
    }
  }

  @Test
  void rerankPrefersDocumentsSharingTheQuerysWords() {
    try (EngineHarness engine =
        EngineHarness.start(
            Specs.service(
                "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3", FAST))) {
      ObjectNode body = Specs.JSON.createObjectNode().put("query", "how does paged KV cache work");
      body.putArray("documents")
          .add("Bananas are yellow.")
          .add("The KV cache is paged into blocks.")
          .add("Paged attention keeps the KV cache in fixed-size blocks; this is how it works.");
      body.put("top_n", 2);
      JsonNode answer = Http.json(Http.post(engine.uri("/v1/rerank"), body));

      JsonNode results = answer.path("results");
      assertThat(results).hasSize(2);
      assertThat(results.get(0).path("index").asInt()).isEqualTo(2);
      assertThat(results.get(1).path("index").asInt()).isEqualTo(1);
      assertThat(results.get(0).path("relevance_score").asDouble())
          .isGreaterThan(results.get(1).path("relevance_score").asDouble())
          .isLessThan(1.0);
      assertThat(results.get(0).at("/document/text").asText()).startsWith("Paged attention");
      assertThat(answer.at("/usage/total_tokens").asInt()).isPositive();
    }
  }

  private static double[] vector(JsonNode answer, int i) {
    JsonNode e = answer.at("/data/" + i + "/embedding");
    double[] v = new double[e.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = e.get(k).asDouble();
    }
    return v;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
