package dev.pailot.serving.client.shadow;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.client.Embedding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one side (primary or shadow) of a mirrored request produced: its output, latency and error.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ShadowOutcome {
  /**
   * The generated text of a chat request, when it succeeded.
   *
   * @return text
   */
  public abstract Optional<String> text();

  /**
   * The vectors of an embedding request, when it succeeded, in input order.
   *
   * @return embeddings
   */
  public abstract List<Embedding> embeddings();

  /**
   * From handing the request to its client to its outcome, measured by the mirror.
   *
   * @return latency
   */
  public abstract Duration latency();

  /**
   * Time to the first token, for streamed requests that got one.
   *
   * @return time to first token
   */
  public abstract Optional<Duration> timeToFirstToken();

  /**
   * Output tokens, when the engine reported usage (0 otherwise).
   *
   * @return tokens out
   */
  @Value.Default
  public long tokensOut() {
    return 0;
  }

  /**
   * The failure's type (simple class name, e.g. {@code EndpointUnavailableException}) when it
   * failed.
   *
   * @return error type
   */
  public abstract Optional<String> errorType();

  /**
   * The failure's message when it failed (Pailot's messages never contain tokens or bodies).
   *
   * @return error message
   */
  public abstract Optional<String> errorMessage();

  /**
   * Whether this side succeeded.
   *
   * @return true without an error
   */
  @Value.Derived
  public boolean succeeded() {
    return errorType().isEmpty();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ShadowOutcome}. Not thread-safe. */
  public static final class Builder extends ImmutableShadowOutcome.Builder {
    Builder() {}
  }
}
