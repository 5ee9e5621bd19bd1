package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The answer to an {@link EmbeddingRequest}. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class EmbeddingResult {
  /**
   * One embedding per input, in input order.
   *
   * @return embeddings
   */
  public abstract List<Embedding> embeddings();

  /**
   * Token usage, when the engine reported it.
   *
   * @return usage
   */
  public abstract Optional<Usage> usage();

  /**
   * The model that answered, if the answer named it.
   *
   * @return model
   */
  public abstract Optional<String> model();

  /**
   * The request id the client sent in {@code X-Request-Id}.
   *
   * @return request id
   */
  public abstract String requestId();

  /**
   * The client's measurements of this request.
   *
   * @return timings
   */
  public abstract Timings timings();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EmbeddingResult}. Not thread-safe. */
  public static final class Builder extends ImmutableEmbeddingResult.Builder {
    Builder() {}
  }
}
