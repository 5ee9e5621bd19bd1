package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The answer to a {@link RerankRequest}. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class RerankResult {
  /**
   * The scored documents, best first, as the engine ordered them.
   *
   * @return results
   */
  public abstract List<RerankScore> results();

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

  /** Builder for {@link RerankResult}. Not thread-safe. */
  public static final class Builder extends ImmutableRerankResult.Builder {
    Builder() {}
  }
}
