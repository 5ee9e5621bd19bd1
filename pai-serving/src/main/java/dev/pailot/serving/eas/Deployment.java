package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.preflight.PreflightFinding;
import dev.pailot.serving.preflight.PreflightReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link EasClient#deploy(ServiceSpec, DeployOptions)} did: created, updated or left the
 * service, which version serves now, the preflight report, and that the endpoint answered.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Deployment {
  /** What the deploy did to the service. */
  public enum Action {
    /** The service did not exist and was created. */
    CREATED,
    /** The service existed and got a new version. */
    UPDATED,
    /** The service already ran exactly this spec; nothing was sent. */
    UNCHANGED
  }

  /**
   * What was done.
   *
   * @return action
   */
  public abstract Action action();

  /**
   * The service after the deploy: {@code Running}, serving, verified.
   *
   * @return service
   */
  public abstract EasService service();

  /**
   * The version serving before, for an update.
   *
   * @return previous version, if the service existed
   */
  public abstract Optional<Integer> previousVersion();

  /**
   * The version serving now (the deployed one).
   *
   * @return version
   */
  public abstract int version();

  /**
   * The preflight report.
   *
   * @return report
   */
  public abstract PreflightReport preflight();

  /**
   * The errors deployed anyway because their ids were waived.
   *
   * @return waived findings
   */
  public abstract List<PreflightFinding> waivedFindings();

  /**
   * The path that answered the readiness probe ({@code /v1/models} or {@code /health}).
   *
   * @return path
   */
  public abstract String readinessPath();

  /**
   * Wall-clock time of the deploy.
   *
   * @return duration
   */
  public abstract Duration elapsed();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Deployment}. Not thread-safe. */
  public static final class Builder extends ImmutableDeployment.Builder {
    Builder() {}
  }
}
