package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.preflight.Preflight;
import dev.pailot.serving.preflight.PreflightProfile;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How {@link EasClient#deploy(ServiceSpec, DeployOptions)} runs: the preflight profile and waived
 * check ids, how an existing service is updated, the deadlines, and a progress listener.
 *
 * <pre>{@code
 * DeployOptions options = DeployOptions.builder()
 *     .profile(PreflightProfile.productionDefaults())
 *     .addWaived("public-endpoint")
 *     .runningTimeout(Duration.ofMinutes(30))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class DeployOptions {
  /**
   * The preflight profile. Default {@link PreflightProfile#developmentDefaults()}; use {@link
   * PreflightProfile#productionDefaults()} for production services.
   *
   * @return profile
   */
  @Value.Default
  public PreflightProfile profile() {
    return PreflightProfile.developmentDefaults();
  }

  /**
   * Check ids whose errors do not block (see {@link Preflight#CHECK_IDS}).
   *
   * @return waived ids
   */
  public abstract Set<String> waived();

  /**
   * Whether an existing service's JSON is replaced by the spec ({@code true}, default: the spec is
   * the whole desired state) or the spec is merged into it.
   *
   * @return replace
   */
  @Value.Default
  public boolean replace() {
    return true;
  }

  /**
   * Deadline for {@code Running} with the new version.
   *
   * @return timeout
   */
  @Value.Default
  public Duration runningTimeout() {
    return Duration.ofMinutes(30);
  }

  /**
   * Deadline for the endpoint to answer after {@code Running}.
   *
   * @return timeout
   */
  @Value.Default
  public Duration servingTimeout() {
    return Duration.ofMinutes(10);
  }

  /**
   * Receives the deploy's progress events ({@code eas.deploy}) besides the {@code Pai}'s listener;
   * called on the deploying thread.
   *
   * @return listener, if set
   */
  @Value.Auxiliary
  public abstract Optional<Consumer<ProgressEvent>> listener();

  /**
   * The defaults.
   *
   * @return options
   */
  public static DeployOptions defaults() {
    return builder().build();
  }

  /**
   * The defaults with some preflight errors waived.
   *
   * @param checkIds check ids, e.g. {@code image-tag}
   * @return options
   */
  public static DeployOptions waive(String... checkIds) {
    return builder().addWaived(checkIds).build();
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
   * A builder initialised from these options.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    for (String id : waived()) {
      if (!Preflight.CHECK_IDS.contains(id)) {
        throw ValidationException.invalidField(
            "waived", "\"" + id + "\" is not a check id", "use one of " + Preflight.CHECK_IDS);
      }
    }
    for (Duration d : new Duration[] {runningTimeout(), servingTimeout()}) {
      if (d.isNegative() || d.isZero()) {
        throw ValidationException.invalidField(
            "timeout", "must be positive", "e.g. Duration.ofMinutes(30)");
      }
    }
  }

  /** Builder for {@link DeployOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableDeployOptions.Builder {
    Builder() {}
  }
}
