package dev.pailot.rag.embed;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.Embedding;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.InferenceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An OpenAI-compatible embedding endpoint ({@code POST /v1/embeddings}) on EAS, called through the
 * {@link InferenceClient}, which brings admission, deadlines, errors and metrics. Vectors are
 * L2-normalised here, since not every engine normalises. Thread-safe. The client is shared, not
 * owned: {@link #close()} leaves it open.
 *
 * <p>Each {@link #embed(List)} is one HTTP request. Where the inference client's micro-batcher
 * ({@code dev.pailot.serving.client.batch}) is available, it plugs in here, merging concurrent
 * single-query calls into one request.
 */
public final class RemoteEmbedder implements Embedder {
  private final InferenceClient client;
  private final String model;
  private final int dimension;

  private RemoteEmbedder(InferenceClient client, String model, int dimension) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    if (dimension < 1) {
      throw ValidationException.invalidField(
          "dimension", "must be at least 1", "pass the model's vector length, e.g. 384");
    }
    this.dimension = dimension;
  }

  /**
   * An embedder for a model served behind {@code client}.
   *
   * @param client the inference client of the embedding service
   * @param model the served model name
   * @param dimension the model's vector length
   * @return the embedder
   * @throws ValidationException when {@code dimension} is below 1
   */
  public static RemoteEmbedder of(InferenceClient client, String model, int dimension) {
    return new RemoteEmbedder(client, model, dimension);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    EmbeddingRequest request = EmbeddingRequest.builder().model(model).inputs(texts).build();
    List<Embedding> embeddings = new ArrayList<>(client.embed(request).embeddings());
    embeddings.sort((a, b) -> Integer.compare(a.index(), b.index()));
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      if (e.vector().length != dimension) {
        throw ValidationException.invalidField(
            "dimension",
            "is " + dimension + " but model " + model + " returned " + e.vector().length,
            "configure the embedder with the model's real vector length");
      }
      out.add(Vectors.normalised(e.vector()));
    }
    return out;
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
    return "RemoteEmbedder{" + model + ", " + dimension + "}";
  }
}
