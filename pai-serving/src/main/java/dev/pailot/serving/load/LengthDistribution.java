package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Random;
import org.immutables.value.Value;

/**
 * Prompt or output lengths in tokens: a fixed value, uniform between two bounds, or drawn uniformly
 * from a list (for example lengths taken from a real trace). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LengthDistribution {
  /** How the length is drawn. */
  public enum Kind {
    /** Always {@code values().get(0)}. */
    FIXED,
    /** Uniform in {@code [values().get(0), values().get(1)]}. */
    UNIFORM,
    /** One of {@code values()}, each equally likely. */
    LIST
  }

  /**
   * How the length is drawn.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The parameters: the fixed value, the two bounds, or the list.
   *
   * @return the values, each at least 1
   */
  public abstract List<Integer> values();

  /**
   * Always {@code tokens}.
   *
   * @param tokens the length, at least 1
   * @return the distribution
   */
  public static LengthDistribution fixed(int tokens) {
    return builder().kind(Kind.FIXED).addValues(tokens).build();
  }

  /**
   * Uniform between {@code min} and {@code max}, both included.
   *
   * @param min the shortest, at least 1
   * @param max the longest, at least {@code min}
   * @return the distribution
   */
  public static LengthDistribution uniform(int min, int max) {
    return builder().kind(Kind.UNIFORM).addValues(min, max).build();
  }

  /**
   * One of {@code lengths}, each equally likely (repeat a value to weight it).
   *
   * @param lengths the lengths, not empty
   * @return the distribution
   */
  public static LengthDistribution fromList(List<Integer> lengths) {
    return builder().kind(Kind.LIST).addAllValues(lengths).build();
  }

  /**
   * Draws one length.
   *
   * @param random the source of randomness (not shared across threads)
   * @return a length
   */
  public int sample(Random random) {
    List<Integer> v = values();
    return switch (kind()) {
      case FIXED -> v.get(0);
      case UNIFORM -> v.get(0) + random.nextInt(v.get(1) - v.get(0) + 1);
      case LIST -> v.get(random.nextInt(v.size()));
    };
  }

  /**
   * The distribution's mean.
   *
   * @return the mean length
   */
  public double mean() {
    return switch (kind()) {
      case FIXED -> values().get(0);
      case UNIFORM -> (values().get(0) + values().get(1)) / 2.0;
      case LIST -> values().stream().mapToInt(Integer::intValue).average().orElse(0);
    };
  }

  /**
   * A new builder; prefer the factories.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return switch (kind()) {
      case FIXED -> "fixed(" + values().get(0) + ")";
      case UNIFORM -> "uniform(" + values().get(0) + ".." + values().get(1) + ")";
      case LIST -> "list(" + values().size() + " values, mean " + Math.round(mean()) + ")";
    };
  }

  @Value.Check
  void check() {
    int expected = kind() == Kind.FIXED ? 1 : kind() == Kind.UNIFORM ? 2 : -1;
    if (values().isEmpty() || (expected > 0 && values().size() != expected)) {
      throw ValidationException.invalidField(
          "values",
          kind() + " needs " + (expected > 0 ? expected + " value(s)" : "at least one value"),
          "use fixed(n), uniform(min, max) or fromList(lengths)");
    }
    if (values().stream().anyMatch(x -> x < 1)) {
      throw ValidationException.invalidField("values", "a length is below 1", "use 1 or more");
    }
    if (kind() == Kind.UNIFORM && values().get(1) < values().get(0)) {
      throw ValidationException.invalidField("values", "max is below min", "swap the bounds");
    }
  }

  /** Builder for {@link LengthDistribution}. Not thread-safe. */
  public static final class Builder extends ImmutableLengthDistribution.Builder {
    Builder() {}
  }
}
