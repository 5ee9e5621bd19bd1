package dev.pailot.serving.client.batch.internal;

import dev.pailot.serving.client.Embedding;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.EmbeddingResult;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.TokenEstimator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EmbeddingBatcher} over an {@link InferenceClient}: each batch is one {@code embedAsync}
 * call with the texts as {@code input}. Thread-safe.
 */
public final class ClientEmbeddingBatcher implements EmbeddingBatcher {
  private static final Object KEY = "embeddings";
  private final BatchEngine<String, float[]> engine;
  private final TokenEstimator estimator;

  /**
   * Creates a batcher.
   *
   * @param client sends the batches
   * @param settings limits
   * @param registry where the batch meters go
   * @param clock time and timer; the batcher closes it
   */
  public ClientEmbeddingBatcher(
      InferenceClient client, BatchSettings settings, MeterRegistry registry, BatchClock clock) {
    Objects.requireNonNull(settings, "settings");
    BatchRejections rejections = new BatchRejections("embeddings", client.serviceName());
    this.estimator = settings.tokenEstimator();
    this.engine =
        new BatchEngine<>(
            settings,
            (key, texts, waited) ->
                CancelThrough.map(
                    client.embedAsync(EmbeddingRequest.builder().inputs(texts).build()),
                    r -> vectors(r, texts.size(), rejections)),
            clock,
            new BatchMetrics(registry, client.serviceName(), "embeddings"),
            rejections);
  }

  private static List<float[]> vectors(EmbeddingResult r, int n, BatchRejections rejections) {
    float[][] out = new float[n][];
    for (Embedding e : r.embeddings()) {
      if (e.index() < 0 || e.index() >= n || out[e.index()] != null) {
        throw rejections.mismatch(n, r.embeddings().size());
      }
      out[e.index()] = e.vector();
    }
    if (r.embeddings().size() != n) {
      throw rejections.mismatch(n, r.embeddings().size());
    }
    return Arrays.asList(out);
  }

  @Override
  public CompletableFuture<float[]> embed(String text) {
    Objects.requireNonNull(text, "text");
    return engine.submit(text, KEY, 1, estimator.estimate(text));
  }

  @Override
  public int pending() {
    return engine.pending();
  }

  @Override
  public int inFlight() {
    return engine.inFlight();
  }

  @Override
  public void close() {
    engine.close();
  }

  @Override
  public void closeNow() {
    engine.closeNow();
  }
}
