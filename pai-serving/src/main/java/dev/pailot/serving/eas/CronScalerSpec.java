package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * An EAS cron scaler (PAI_API.md §3.6): scheduled replica counts, with excluded dates.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class CronScalerSpec {
  /**
   * {@code ScaleJobs}, at least one, unique names.
   *
   * @return jobs
   */
  public abstract List<CronScaleJob> jobs();

  /**
   * {@code ExcludeDates}: cron expressions of dates when no job runs.
   *
   * @return excluded dates
   */
  public abstract List<String> excludeDates();

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
    if (jobs().isEmpty()) {
      throw ValidationException.invalidField(
          "ScaleJobs", "is empty", "add e.g. CronScaleJob.of(\"evening\", \"0 18 * * *\", 4)");
    }
    if (jobs().stream().map(CronScaleJob::name).distinct().count() != jobs().size()) {
      throw ValidationException.invalidField(
          "ScaleJobs[].Name", "repeats a name", "give every job its own name");
    }
  }

  /** Builder for {@link CronScalerSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableCronScalerSpec.Builder {
    Builder() {}
  }
}
