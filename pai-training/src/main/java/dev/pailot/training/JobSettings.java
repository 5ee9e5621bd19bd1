package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Job-level settings ({@code Settings}, PAI_API.md §2.4): AIMaster fault tolerance, sanity checks,
 * OSS append writes, RDMA, pod retention and tags. Unset fields are not sent, so DLC's defaults
 * apply.
 *
 * <pre>{@code
 * JobSettings settings = JobSettings.builder()
 *     .aiMasterErrorMonitoring("--enable-job-restart True --max-num-of-job-restart 3")
 *     .enableOssAppend(true)
 *     .putTags("team", "llm")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableJobSettings.class)
@JsonDeserialize(as = ImmutableJobSettings.class)
public abstract class JobSettings {
  /**
   * Starts AIMaster next to the job to monitor faults and restart it ({@code
   * EnableErrorMonitoringInAIMaster}).
   *
   * @return whether AIMaster monitors errors
   */
  public abstract Optional<Boolean> enableErrorMonitoringInAIMaster();

  /**
   * AIMaster's flags ({@code ErrorMonitoringArgs}), e.g. {@code --job-execution-mode Sync
   * --enable-job-restart True --max-num-of-job-restart 3}; needs {@link
   * #enableErrorMonitoringInAIMaster()}.
   *
   * @return AIMaster flags
   */
  public abstract Optional<String> errorMonitoringArgs();

  /**
   * Runs a GPU and communication health check ({@code EnableSanityCheck}).
   *
   * @return whether to sanity-check
   */
  public abstract Optional<Boolean> enableSanityCheck();

  /**
   * Sanity-check flags ({@code SanityCheckArgs}); needs {@link #enableSanityCheck()}.
   *
   * @return sanity-check flags
   */
  public abstract Optional<String> sanityCheckArgs();

  /**
   * Allows append writes on OSS mounts ({@code EnableOssAppend}).
   *
   * @return whether OSS append is allowed
   */
  public abstract Optional<Boolean> enableOssAppend();

  /**
   * Uses RDMA networking ({@code EnableRDMA}).
   *
   * @return whether RDMA is used
   */
  public abstract Optional<Boolean> enableRdma();

  /**
   * Allows idle ("tidal") resources ({@code EnableTideResource}).
   *
   * @return whether tidal resources are allowed
   */
  public abstract Optional<Boolean> enableTideResource();

  /**
   * Skips DLC's inventory check at submission ({@code DisableEcsStockCheck}).
   *
   * @return whether the stock check is skipped
   */
  public abstract Optional<Boolean> disableEcsStockCheck();

  /**
   * Minutes to keep pods after the job ends, for debugging ({@code JobReservedMinutes}); the job
   * passes through {@code SucceededReserving}/{@code FailedReserving} meanwhile.
   *
   * @return minutes, not negative
   */
  public abstract Optional<Integer> jobReservedMinutes();

  /**
   * When pods are kept ({@code JobReservedPolicy}), e.g. {@code Always}.
   *
   * @return policy
   */
  public abstract Optional<String> jobReservedPolicy();

  /**
   * The NVIDIA driver version ({@code Driver}).
   *
   * @return driver version
   */
  public abstract Optional<String> driver();

  /**
   * Quota oversell behaviour ({@code OversoldType}), e.g. {@code AcceptQuotaOverSold}.
   *
   * @return oversold type
   */
  public abstract Optional<String> oversoldType();

  /**
   * Custom tags, filterable in {@link JobFilter#tags()} ({@code Tags}).
   *
   * @return tags
   */
  public abstract Map<String, String> tags();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (errorMonitoringArgs().isPresent() && !enableErrorMonitoringInAIMaster().orElse(false)) {
      throw ValidationException.invalidField(
          "errorMonitoringArgs",
          "is set but AIMaster error monitoring is off, so DLC would ignore the flags",
          "also set enableErrorMonitoringInAIMaster(true), or use aiMasterErrorMonitoring(args)");
    }
    if (sanityCheckArgs().isPresent() && !enableSanityCheck().orElse(false)) {
      throw ValidationException.invalidField(
          "sanityCheckArgs",
          "is set but the sanity check is off",
          "also set enableSanityCheck(true)");
    }
    jobReservedMinutes()
        .filter(m -> m < 0)
        .ifPresent(
            m -> {
              throw ValidationException.invalidField(
                  "jobReservedMinutes", m + " is negative", "use 0 or more minutes");
            });
    tags().keySet().stream()
        .filter(String::isBlank)
        .findFirst()
        .ifPresent(
            k -> {
              throw ValidationException.invalidField(
                  "tags", "has a blank key", "give every tag a non-blank key");
            });
  }

  /** Builder for {@link JobSettings}. Not thread-safe. */
  public static final class Builder extends ImmutableJobSettings.Builder {
    Builder() {}

    /**
     * Turns on AIMaster error monitoring with the given flags (see PAI_API.md §2.8), e.g. {@code
     * --enable-job-restart True --max-num-of-job-restart 3 --enable-job-hang-detection True}.
     *
     * @param args AIMaster flags
     * @return this builder
     */
    public Builder aiMasterErrorMonitoring(String args) {
      enableErrorMonitoringInAIMaster(true);
      errorMonitoringArgs(args);
      return this;
    }
  }
}
