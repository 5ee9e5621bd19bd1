package dev.pailot.observability.alerts;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One Prometheus alerting rule: {@code alert}, {@code expr}, {@code for}, {@code labels} and {@code
 * annotations} (summary, description, runbook). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class AlertRule {
  /**
   * The alert's name, e.g. {@code PailotP99LatencyHigh}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The PromQL expression; the alert is pending while it returns series.
   *
   * @return the expression
   */
  public abstract String expr();

  /**
   * How long the expression must hold before the alert fires ({@code for}); zero fires at once.
   *
   * @return the duration
   */
  @Value.Default
  public Duration pendingFor() {
    return Duration.ZERO;
  }

  /**
   * Labels added to the alert (e.g. {@code severity}).
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

  /**
   * Annotations: {@code summary}, {@code description}, {@code runbook} (may use {@code {{ $labels.x
   * }}} templates).
   *
   * @return annotations
   */
  public abstract Map<String, String> annotations();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this rule.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (!name().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw ValidationException.invalidField(
          "name", "'" + name() + "' is not a valid alert name", "use letters, digits and _");
    }
    if (expr().isBlank()) {
      throw ValidationException.invalidField("expr", "is blank", "pass a PromQL expression");
    }
    if (pendingFor().isNegative()) {
      throw ValidationException.invalidField("pendingFor", "is negative", "use zero or more");
    }
  }

  /** Builder for {@link AlertRule}. Not thread-safe. */
  public static final class Builder extends ImmutableAlertRule.Builder {
    Builder() {}

    /**
     * Validates and builds the rule.
     *
     * @return the rule
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public AlertRule build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("AlertRule", e);
      }
    }
  }
}
