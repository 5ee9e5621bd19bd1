package dev.pailot.serving.release.shadow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One golden prompt in a shadow comparison: what was expected (blue's answer when the example had
 * none), green's answer, and the score. Plain data. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableGoldenComparison.class)
@JsonDeserialize(as = ImmutableGoldenComparison.class)
public abstract class GoldenComparison {
  /**
   * The prompt.
   *
   * @return prompt
   */
  public abstract String prompt();

  /**
   * The expected answer, or blue's answer.
   *
   * @return expected
   */
  public abstract String expected();

  /**
   * Green's answer.
   *
   * @return green's answer
   */
  public abstract String green();

  /**
   * The scorer's score, 0 to 1.
   *
   * @return score
   */
  public abstract double score();

  /**
   * Why a side failed, when one did.
   *
   * @return error
   */
  public abstract Optional<String> error();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GoldenComparison}. Not thread-safe. */
  public static final class Builder extends ImmutableGoldenComparison.Builder {
    Builder() {}
  }
}
