package dev.pailot.serving.release.gates;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One prompt of a golden set and, optionally, its expected answer. Without an expected answer the
 * golden-set gate compares green's answer with blue's (agreement). Plain data. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableGoldenExample.class)
@JsonDeserialize(as = ImmutableGoldenExample.class)
public abstract class GoldenExample {
  /**
   * The user prompt.
   *
   * @return prompt
   */
  public abstract String prompt();

  /**
   * The expected answer; empty to expect blue's answer to the same prompt.
   *
   * @return expected answer
   */
  public abstract Optional<String> expected();

  /**
   * An example with an expected answer.
   *
   * @param prompt user prompt
   * @param expected expected answer
   * @return the example
   */
  public static GoldenExample of(String prompt, String expected) {
    return builder().prompt(prompt).expected(expected).build();
  }

  /**
   * An example judged by agreement with blue's answer.
   *
   * @param prompt user prompt
   * @return the example
   */
  public static GoldenExample agreement(String prompt) {
    return builder().prompt(prompt).build();
  }

  @Value.Check
  void check() {
    if (prompt().isBlank()) {
      throw ValidationException.invalidField("prompt", "is empty", "give the prompt's text");
    }
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GoldenExample}. Not thread-safe. */
  public static final class Builder extends ImmutableGoldenExample.Builder {
    Builder() {}
  }
}
