package dev.pailot.serving.preflight;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.capacity.ModelShape;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What preflight assumes about where and how a spec will run: production or not, storage
 * throughput, the model, the load it must carry. Fields left unset are derived from the spec where
 * possible (model from the script or mounts, GPU memory from the instance type, concurrency from
 * {@code --max-num-seqs}).
 *
 * <p>Default storage throughput: <b>400 MB/s per instance</b>, the middle of the 300-500 MB/s an
 * OSS mount typically gives one instance; a 140 GB model then needs about 6 minutes to load.
 * Measure yours and set it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class PreflightProfile {
  /**
   * The profile's name in reports.
   *
   * @return name
   */
  public abstract String name();

  /**
   * Whether production rules apply (VPC only, no public endpoint, more than one replica).
   *
   * @return true for production
   */
  public abstract boolean production();

  /**
   * Weight-loading throughput per instance, MB/s.
   *
   * @return MB/s
   */
  @Value.Default
  public double storageThroughputMbPerSecond() {
    return 400;
  }

  /**
   * The served model; derived from the spec when unset.
   *
   * @return model, if set
   */
  public abstract Optional<ModelShape> model();

  /**
   * The weights' size in GB (10^9 bytes); from the model when unset.
   *
   * @return GB, if set
   */
  public abstract Optional<Double> modelSizeGb();

  /**
   * The image's size in GB, when known (reported with weights baked into the image).
   *
   * @return GB, if known
   */
  public abstract Optional<Double> imageSizeGb();

  /**
   * Memory of one GPU card in GB; from {@code metadata.gpu_memory} or the instance type when unset.
   *
   * @return GB, if set
   */
  public abstract Optional<Double> gpuMemoryGb();

  /**
   * Sequences the service must hold at once; {@code --max-num-seqs} from the script when unset.
   *
   * @return concurrency, if set
   */
  public abstract Optional<Integer> concurrency();

  /**
   * Tokens per sequence (prompt + output) for KV-cache sizing.
   *
   * @return tokens
   */
  @Value.Default
  public int tokensPerSequence() {
    return 2048;
  }

  /**
   * The longest generation the service must finish (for the rpc keep-alive check).
   *
   * @return duration
   */
  @Value.Default
  public Duration longestGeneration() {
    return Duration.ofMinutes(5);
  }

  /**
   * Production rules with the defaults.
   *
   * @return the profile
   */
  public static PreflightProfile productionDefaults() {
    return builder().name("production").production(true).build();
  }

  /**
   * Development rules with the defaults (network and replica findings are warnings or info).
   *
   * @return the profile
   */
  public static PreflightProfile developmentDefaults() {
    return builder().name("development").production(false).build();
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
   * A builder initialised from this profile.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (!(storageThroughputMbPerSecond() > 0)) {
      throw ValidationException.invalidField(
          "storageThroughputMbPerSecond", "must be positive", "e.g. 400 for an OSS mount");
    }
    if (tokensPerSequence() < 1) {
      throw ValidationException.invalidField(
          "tokensPerSequence", "must be positive", "e.g. 2048 (prompt + output)");
    }
    if (longestGeneration().isNegative() || longestGeneration().isZero()) {
      throw ValidationException.invalidField(
          "longestGeneration", "must be positive", "e.g. Duration.ofMinutes(5)");
    }
  }

  /** Builder for {@link PreflightProfile}. Not thread-safe. */
  public static final class Builder extends ImmutablePreflightProfile.Builder {
    Builder() {}
  }
}
