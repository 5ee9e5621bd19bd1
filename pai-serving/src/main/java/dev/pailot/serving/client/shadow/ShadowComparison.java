package dev.pailot.serving.client.shadow;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.client.Embedding;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One mirrored request: what the primary and the shadow endpoint produced. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ShadowComparison {
  /**
   * The request id both sides were sent with ({@code X-Request-Id}).
   *
   * @return request id
   */
  public abstract String requestId();

  /**
   * The operation: {@code chat}, {@code chat.stream} or {@code embeddings}.
   *
   * @return operation
   */
  public abstract String operation();

  /**
   * When the request was handed to the mirror.
   *
   * @return start time
   */
  public abstract Instant startedAt();

  /**
   * The primary's outcome: what the caller got.
   *
   * @return primary outcome
   */
  public abstract ShadowOutcome primary();

  /**
   * The shadow endpoint's outcome.
   *
   * @return shadow outcome
   */
  public abstract ShadowOutcome shadow();

  /**
   * Whether both sides succeeded with the same text (chat only).
   *
   * @return true when the texts are equal
   */
  public boolean sameText() {
    return primary().text().isPresent() && primary().text().equals(shadow().text());
  }

  /**
   * The smallest cosine similarity between the primary's and the shadow's vector of the same input
   * (embeddings only): 1 when the models agree.
   *
   * @return the smallest similarity, or empty unless both sides returned the same number of vectors
   */
  public OptionalDouble minCosineSimilarity() {
    List<Embedding> p = primary().embeddings();
    List<Embedding> s = shadow().embeddings();
    if (p.isEmpty() || p.size() != s.size()) {
      return OptionalDouble.empty();
    }
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p.size(); i++) {
      min = Math.min(min, cosine(p.get(i).vector(), s.get(i).vector()));
    }
    return OptionalDouble.of(min);
  }

  private static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      return 0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * (double) b[i];
      na += a[i] * (double) a[i];
      nb += b[i] * (double) b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ShadowComparison}. Not thread-safe. */
  public static final class Builder extends ImmutableShadowComparison.Builder {
    Builder() {}
  }
}
