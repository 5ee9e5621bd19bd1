package dev.pailot.serving.release;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a blue-green release will do: the services, the traffic stages, the bake and drain times and
 * the policies. Plain data (JSON in the release report), built by {@link BlueGreenRelease}.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableReleasePlan.class)
@JsonDeserialize(as = ImmutableReleasePlan.class)
public abstract class ReleasePlan {
  /** The default stages: 10%, 50%, 100% of the group's traffic on green. */
  public static final List<Integer> DEFAULT_STAGES = List.of(10, 50, 100);

  /**
   * The service group both services belong to.
   *
   * @return group name
   */
  public abstract String group();

  /**
   * The service serving today.
   *
   * @return blue service name
   */
  public abstract String blue();

  /**
   * The service being released.
   *
   * @return green service name
   */
  public abstract String green();

  /**
   * Green's share of traffic at each stage, increasing, ending at 100.
   *
   * @return stage percents
   */
  @Value.Default
  public List<Integer> stages() {
    return DEFAULT_STAGES;
  }

  /**
   * How long each stage (and the pre-traffic check) runs before the gates judge it.
   *
   * @return bake time
   */
  @Value.Default
  public Duration bake() {
    return Duration.ofMinutes(5);
  }

  /**
   * How long to wait after taking traffic away from a service before stopping it, so requests
   * already routed to it finish.
   *
   * @return drain time
   */
  @Value.Default
  public Duration drain() {
    return Duration.ofSeconds(30);
  }

  /**
   * How long green may take to deploy and answer on its own endpoint.
   *
   * @return deploy timeout
   */
  @Value.Default
  public Duration deployTimeout() {
    return Duration.ofMinutes(30);
  }

  /**
   * Requests sent to green's own endpoint before the pre-traffic check; any failure fails the
   * check. 0 to skip (for services that do not speak the OpenAI chat API).
   *
   * @return warm-up requests
   */
  @Value.Default
  public int warmupRequests() {
    return 3;
  }

  /**
   * What a rollback does with green.
   *
   * @return green policy
   */
  @Value.Default
  public GreenPolicy onRollback() {
    return GreenPolicy.STOP;
  }

  /**
   * What a promotion does with blue.
   *
   * @return blue policy
   */
  @Value.Default
  public BluePolicy afterPromotion() {
    return BluePolicy.KEEP;
  }

  /**
   * What a run does when it finds the release in progress.
   *
   * @return resume policy
   */
  @Value.Default
  public ResumePolicy onResume() {
    return ResumePolicy.CONTINUE;
  }

  /**
   * The names of the gates, in the order they judge.
   *
   * @return gate names
   */
  public abstract List<String> gates();

  @Value.Check
  void check() {
    if (blue().equals(green())) {
      throw ValidationException.invalidField(
          "green", "is the same service as blue (" + blue() + ")", "give green its own name");
    }
    List<Integer> s = stages();
    if (s.isEmpty() || s.get(s.size() - 1) != 100) {
      throw ValidationException.invalidField(
          "stages", s + " does not end at 100", "end with 100, e.g. stages(10, 50, 100)");
    }
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i) < 1 || s.get(i) > 100 || (i > 0 && s.get(i) <= s.get(i - 1))) {
        throw ValidationException.invalidField(
            "stages", s + " is not increasing within 1..100", "use e.g. stages(10, 50, 100)");
      }
    }
    for (Duration d : List.of(bake(), drain(), deployTimeout())) {
      if (d.isNegative()) {
        throw ValidationException.invalidField(
            "bake/drain/deployTimeout", d + " is negative", "use a positive duration");
      }
    }
    if (warmupRequests() < 0) {
      throw ValidationException.invalidField(
          "warmupRequests", warmupRequests() + " is negative", "use 0 to skip the warm-up");
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

  /**
   * A builder initialised from this plan.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builder for {@link ReleasePlan}. Not thread-safe. */
  public static final class Builder extends ImmutableReleasePlan.Builder {
    Builder() {}
  }
}
