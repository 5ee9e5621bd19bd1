package dev.pailot.observability.alerts;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A named group of rules evaluated together. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class RuleGroup {
  /**
   * The group's name, unique within a file.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The evaluation interval; Prometheus's global one when empty.
   *
   * @return the interval
   */
  public abstract Optional<Duration> interval();

  /**
   * The rules.
   *
   * @return rules
   */
  public abstract List<AlertRule> rules();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw ValidationException.invalidField("name", "is blank", "name the group");
    }
  }

  /** Builder for {@link RuleGroup}. Not thread-safe. */
  public static final class Builder extends ImmutableRuleGroup.Builder {
    Builder() {}

    /**
     * Validates and builds the group.
     *
     * @return the group
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public RuleGroup build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("RuleGroup", e);
      }
    }
  }
}
