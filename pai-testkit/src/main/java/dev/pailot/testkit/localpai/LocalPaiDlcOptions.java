package dev.pailot.testkit.localpai;

import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * How LocalPai emulates DLC training jobs: the cluster's capacity for gang scheduling, how long the
 * phases of a job last in emulated minutes, and the defaults of the simulated training script.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * LocalPaiOptions options = LocalPaiOptions.builder()
 *     .dlc(LocalPaiDlcOptions.builder()
 *         .podCapacity(8)                                   // 8 pods at once, any type
 *         .putPodCapacityPerInstanceType("ecs.gn7i-c8g1.2xlarge", 4)
 *         .stepsPerMinute(60)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>A job's training script is simulated: it runs {@code PAILOT_TOTAL_STEPS} steps (default {@link
 * #defaultTotalSteps()}) at {@link #stepsPerMinute()} emulated steps per minute, and writes a
 * checkpoint every {@code PAILOT_CHECKPOINT_EVERY_STEPS} steps (default {@link
 * #defaultCheckpointEverySteps()}); see {@link LocalPaiDlc} for the environment variables a job
 * sets and the checkpoint layout.
 */
@Value.Immutable
@PailotStyle
public abstract class LocalPaiDlcOptions {
  /** The most steps a simulated job trains (10^12), so step arithmetic never overflows. */
  public static final long MAX_STEPS = 1_000_000_000_000L;

  /**
   * How many pods may hold resources at once, across all jobs and instance types. A job starts only
   * when all its pods fit (gang scheduling); until then it stays {@code Queuing}. Empty (the
   * default) means unlimited.
   *
   * @return total pod capacity
   */
  public abstract OptionalInt podCapacity();

  /**
   * Per instance type ({@code EcsSpec}), how many pods of that type may hold resources at once. A
   * type not listed is limited only by {@link #podCapacity()}. Roles sized with {@code
   * ResourceConfig} (quota resources) count only toward {@link #podCapacity()}.
   *
   * @return capacity by instance type
   */
  public abstract Map<String, Integer> podCapacityPerInstanceType();

  /**
   * Emulated minutes a job stays {@code Creating}. Default 0.2.
   *
   * @return minutes
   */
  @Value.Default
  public double creatingMinutes() {
    return 0.2;
  }

  /**
   * Emulated minutes a job stays {@code Queuing} at least, even when capacity is free (scheduler
   * latency). Default 0.2.
   *
   * @return minutes
   */
  @Value.Default
  public double queuingMinutes() {
    return 0.2;
  }

  /**
   * Emulated minutes from scheduling to {@code Running} (image pull, container start). Default 1.
   *
   * @return minutes
   */
  @Value.Default
  public double envPreparingMinutes() {
    return 1;
  }

  /**
   * Emulated minutes a stopped job stays {@code Stopping}. Default 0.2.
   *
   * @return minutes
   */
  @Value.Default
  public double stoppingMinutes() {
    return 0.2;
  }

  /**
   * Training speed in steps per emulated minute, unless a job sets {@code PAILOT_STEPS_PER_MINUTE}.
   * Default 20.
   *
   * @return steps per emulated minute
   */
  @Value.Default
  public double stepsPerMinute() {
    return 20;
  }

  /**
   * Steps a job trains unless it sets {@code PAILOT_TOTAL_STEPS}. Default 100.
   *
   * @return total steps
   */
  @Value.Default
  public long defaultTotalSteps() {
    return 100;
  }

  /**
   * Checkpoint interval in steps unless a job sets {@code PAILOT_CHECKPOINT_EVERY_STEPS}. Default
   * 10.
   *
   * @return steps between checkpoints
   */
  @Value.Default
  public long defaultCheckpointEverySteps() {
    return 10;
  }

  /**
   * The defaults: unlimited capacity, 20 steps per emulated minute, 100 steps, a checkpoint every
   * 10.
   *
   * @return default options
   */
  public static LocalPaiDlcOptions defaults() {
    return builder().build();
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
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (podCapacity().isPresent() && podCapacity().getAsInt() < 0) {
      throw new IllegalArgumentException("podCapacity must not be negative");
    }
    podCapacityPerInstanceType()
        .forEach(
            (type, n) -> {
              if (n < 0) {
                throw new IllegalArgumentException(
                    "podCapacityPerInstanceType for " + type + " must not be negative");
              }
            });
    for (double minutes :
        new double[] {
          creatingMinutes(), queuingMinutes(), envPreparingMinutes(), stoppingMinutes()
        }) {
      if (!(minutes >= 0) || Double.isInfinite(minutes)) {
        throw new IllegalArgumentException("phase durations must be finite and not negative");
      }
    }
    if (!(stepsPerMinute() > 0) || Double.isInfinite(stepsPerMinute())) {
      throw new IllegalArgumentException("stepsPerMinute must be positive, e.g. 20");
    }
    if (defaultTotalSteps() < 1
        || defaultCheckpointEverySteps() < 1
        || defaultTotalSteps() > MAX_STEPS
        || defaultCheckpointEverySteps() > MAX_STEPS) {
      throw new IllegalArgumentException(
          "defaultTotalSteps and defaultCheckpointEverySteps must be from 1 to " + MAX_STEPS);
    }
  }

  /** Builder for {@link LocalPaiDlcOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableLocalPaiDlcOptions.Builder {
    Builder() {}
  }
}
