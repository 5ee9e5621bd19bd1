package dev.pailot.rag.rerank;

import dev.pailot.rag.store.SearchHit;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cross-encoder on EAS ({@code POST /v1/rerank}, Jina / vLLM shape, e.g. bge-reranker), called
 * through the {@link InferenceClient}: one request per query carrying all candidates, asking for
 * the best {@code topN}. A MiniLM-size cross-encoder needs 200-400 ms for 20 pairs on two CPU
 * cores, so the 80 ms budget assumes a GPU endpoint; keep a {@link FusionReranker} as the
 * pipeline's fallback. Thread-safe; the client is shared, not owned.
 */
public final class CrossEncoderReranker implements Reranker {
  private final InferenceClient client;
  private final String model;

  private CrossEncoderReranker(InferenceClient client, String model) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * A reranker for a model served behind {@code client}.
   *
   * @param client the inference client of the rerank service
   * @param model the served model name
   * @return the reranker
   */
  public static CrossEncoderReranker of(InferenceClient client, String model) {
    return new CrossEncoderReranker(client, model);
  }

  @Override
  public List<Reranked> rerank(String query, List<SearchHit> candidates, int topN) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> documents = new ArrayList<>(candidates.size());
    candidates.forEach(h -> documents.add(h.text()));
    RerankRequest request =
        RerankRequest.builder()
            .model(model)
            .query(query)
            .documents(documents)
            .topN(Math.min(topN, documents.size()))
            .build();
    List<RerankScore> scores = new ArrayList<>(client.rerank(request).results());
    scores.sort((a, b) -> Double.compare(b.relevanceScore(), a.relevanceScore()));
    List<Reranked> out = new ArrayList<>();
    for (RerankScore s : scores) {
      if (out.size() == topN) {
        break;
      }
      out.add(Reranked.of(candidates.get(s.index()), s.relevanceScore(), out.size() + 1));
    }
    return out;
  }

  @Override
  public String name() {
    return "cross-encoder:" + model;
  }

  @Override
  public String toString() {
    return "CrossEncoderReranker{" + model + "}";
  }
}
