package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One piece of a streamed answer: the text of one SSE chunk (usually one token) and, on the last
 * content chunk, the finish reason. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Delta {
  /**
   * The new text; empty only on a delta that carries just a finish reason.
   *
   * @return text
   */
  @Value.Parameter
  public abstract String text();

  /**
   * Why generation ended, on the delta where the engine said so.
   *
   * @return finish reason
   */
  @Value.Parameter
  public abstract Optional<String> finishReason();

  /**
   * A delta.
   *
   * @param text the new text
   * @param finishReason the finish reason, or {@code null}
   * @return the delta
   */
  public static Delta of(String text, String finishReason) {
    return ImmutableDelta.of(text, Optional.ofNullable(finishReason));
  }
}
