package dev.pailot.rag.rerank;

import dev.pailot.rag.internal.Futures;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankResult;
import dev.pailot.serving.client.RerankScore;
import dev.pailot.serving.client.batch.RerankBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cross-encoder on EAS ({@code POST /v1/rerank}, Jina / vLLM shape, e.g. bge-reranker), called
 * through the {@link InferenceClient}: one request per query carrying all candidates, asking for
 * the best {@code topN}. A MiniLM-size cross-encoder needs 200-400 ms for 20 pairs on two CPU
 * cores, so the 80 ms budget assumes a GPU endpoint; keep a {@link FusionReranker} as the
 * pipeline's fallback. Thread-safe; the client (or batcher) is shared, not owned.
 *
 * <p>Made with {@link #batched}, the requests go through the client's {@link RerankBatcher}:
 * concurrent requests for the same query (a popular question asked by many users at once) share one
 * HTTP call, each getting its own candidates back with its own {@code topN}; requests for different
 * queries are sent separately, as without the batcher.
 */
public final class CrossEncoderReranker implements Reranker {
  private final InferenceClient client;
  private final RerankBatcher batcher;
  private final String model;

  private CrossEncoderReranker(InferenceClient client, RerankBatcher batcher, String model) {
    this.client = client;
    this.batcher = batcher;
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
    return new CrossEncoderReranker(Objects.requireNonNull(client, "client"), null, model);
  }

  /**
   * A reranker whose requests go through a micro-batcher ({@code client.rerankBatcher(settings)}),
   * so that concurrent requests with the same query share HTTP calls. The caller closes the
   * batcher, after the pipelines that use this reranker.
   *
   * @param batcher the rerank service's batcher
   * @param model the served model name
   * @return the reranker
   */
  public static CrossEncoderReranker batched(RerankBatcher batcher, String model) {
    return new CrossEncoderReranker(null, Objects.requireNonNull(batcher, "batcher"), model);
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
    RerankResult result =
        batcher != null
            ? Futures.all(List.of(batcher.rerank(request))).get(0)
            : client.rerank(request);
    List<RerankScore> scores = new ArrayList<>(result.results());
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
    return "CrossEncoderReranker{" + model + (batcher != null ? ", batched}" : "}");
  }
}
