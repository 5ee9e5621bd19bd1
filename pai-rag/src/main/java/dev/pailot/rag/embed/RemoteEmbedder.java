package dev.pailot.rag.embed;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.internal.Futures;
import dev.pailot.serving.client.Embedding;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An OpenAI-compatible embedding endpoint ({@code POST /v1/embeddings}) on EAS, called through the
 * {@link InferenceClient}, which brings admission, deadlines, errors and metrics. Vectors are
 * L2-normalised here, since not every engine normalises. Thread-safe. The client (or batcher) is
 * shared, not owned: {@link #close()} leaves it open.
 *
 * <p>Made with {@link #of}, each {@link #embed(List)} is one HTTP request. Made with {@link
 * #batched} over the client's {@link EmbeddingBatcher}, every text goes through the batcher, so
 * concurrent queries and ingestion batches coalesce into shared HTTP requests (the batcher's limits
 * decide their size).
 */
public final class RemoteEmbedder implements Embedder {
  private final InferenceClient client;
  private final EmbeddingBatcher batcher;
  private final String model;
  private final int dimension;

  private RemoteEmbedder(
      InferenceClient client, EmbeddingBatcher batcher, String model, int dimension) {
    this.client = client;
    this.batcher = batcher;
    this.model = Objects.requireNonNull(model, "model");
    if (dimension < 1) {
      throw ValidationException.invalidField(
          "dimension", "must be at least 1", "pass the model's vector length, e.g. 384");
    }
    this.dimension = dimension;
  }

  /**
   * An embedder for a model served behind {@code client}, one request per {@link #embed(List)}.
   *
   * @param client the inference client of the embedding service
   * @param model the served model name
   * @param dimension the model's vector length
   * @return the embedder
   * @throws ValidationException when {@code dimension} is below 1
   */
  public static RemoteEmbedder of(InferenceClient client, String model, int dimension) {
    return new RemoteEmbedder(Objects.requireNonNull(client, "client"), null, model, dimension);
  }

  /**
   * An embedder whose texts go through a micro-batcher ({@code client.embeddingBatcher(settings)}),
   * so that concurrent callers share HTTP requests. The batcher's requests carry its client's
   * default model ({@code InferenceClientBuilder.defaultModel}), or none, so that the engine uses
   * its served model; {@code model} names this embedder in reports and cache keys and should be
   * that model. The caller closes the batcher, after the pipelines and ingestors that use this
   * embedder.
   *
   * @param batcher the embedding service's batcher
   * @param model the served model name
   * @param dimension the model's vector length
   * @return the embedder
   * @throws ValidationException when {@code dimension} is below 1
   */
  public static RemoteEmbedder batched(EmbeddingBatcher batcher, String model, int dimension) {
    return new RemoteEmbedder(null, Objects.requireNonNull(batcher, "batcher"), model, dimension);
  }

  /**
   * {@inheritDoc}
   *
   * <p>When batched, interrupting the caller withdraws its texts whose batch has not left and
   * throws {@link java.util.concurrent.CancellationException}.
   */
  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> vectors = batcher != null ? viaBatcher(texts) : viaRequest(texts);
    List<float[]> out = new ArrayList<>(vectors.size());
    for (float[] v : vectors) {
      if (v.length != dimension) {
        throw ValidationException.invalidField(
            "dimension",
            "is " + dimension + " but model " + model + " returned " + v.length,
            "configure the embedder with the model's real vector length");
      }
      out.add(Vectors.normalised(v));
    }
    return out;
  }

  private List<float[]> viaRequest(List<String> texts) {
    EmbeddingRequest request = EmbeddingRequest.builder().model(model).inputs(texts).build();
    List<Embedding> embeddings = new ArrayList<>(client.embed(request).embeddings());
    embeddings.sort((a, b) -> Integer.compare(a.index(), b.index()));
    List<float[]> out = new ArrayList<>(embeddings.size());
    embeddings.forEach(e -> out.add(e.vector()));
    return out;
  }

  private List<float[]> viaBatcher(List<String> texts) {
    List<CompletableFuture<float[]>> futures = new ArrayList<>(texts.size());
    texts.forEach(t -> futures.add(batcher.embed(t)));
    return Futures.all(futures);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String name() {
    return model;
  }

  @Override
  public String toString() {
    return "RemoteEmbedder{" + model + ", " + dimension + (batcher != null ? ", batched}" : "}");
  }
}
