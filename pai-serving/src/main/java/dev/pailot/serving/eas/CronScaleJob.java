package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One cron scaler job: at {@code schedule} (cron, e.g. {@code 0 18 * * *}) set the replica count to
 * {@code targetSize}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class CronScaleJob {
  /**
   * {@code Name}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * {@code Schedule}: a five-field cron expression.
   *
   * @return schedule
   */
  public abstract String schedule();

  /**
   * {@code TargetSize}: replicas.
   *
   * @return replicas
   */
  public abstract int targetSize();

  /**
   * {@code TimeZone}, e.g. {@code Asia/Shanghai}.
   *
   * @return time zone, if set
   */
  public abstract Optional<String> timeZone();

  /**
   * A job.
   *
   * @param name name
   * @param schedule cron expression
   * @param targetSize replicas
   * @return the job
   */
  public static CronScaleJob of(String name, String schedule, int targetSize) {
    return builder().name(name).schedule(schedule).targetSize(targetSize).build();
  }

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
    if (schedule().trim().split("\\s+").length != 5) {
      throw ValidationException.invalidField(
          "ScaleJobs[].Schedule",
          "\"" + schedule() + "\" is not a five-field cron expression",
          "e.g. \"0 18 * * *\"");
    }
    SpecRules.range("ScaleJobs[].TargetSize", targetSize(), 0, 1000);
  }

  /** Builder for {@link CronScaleJob}. Not thread-safe. */
  public static final class Builder extends ImmutableCronScaleJob.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the job
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public CronScaleJob build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("CronScaleJob", e);
      }
    }
  }
}
