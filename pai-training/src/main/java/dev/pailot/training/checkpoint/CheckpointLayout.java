package dev.pailot.training.checkpoint;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How checkpoints are laid out under a checkpoint location: checkpoint {@code N} is the directory
 * {@code <prefix>N/} (default {@code step-N/}) and is complete once the marker {@code
 * <prefix>N/<marker>} (default {@code _COMPLETE}) exists. Training scripts write the marker last,
 * after every other file of the checkpoint, so a checkpoint cut short has none. The layout
 * LocalPai's simulated script and the example script in {@code docs/training.md} use.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class CheckpointLayout {
  private static final CheckpointLayout DEFAULTS = builder().build();

  /**
   * The directory name before the step number. Default {@code step-}.
   *
   * @return prefix
   */
  @Value.Default
  public String directoryPrefix() {
    return "step-";
  }

  /**
   * The completion marker's file name inside a checkpoint directory. Default {@code _COMPLETE}.
   *
   * @return marker name
   */
  @Value.Default
  public String marker() {
    return "_COMPLETE";
  }

  /**
   * The default layout: {@code step-N/} with marker {@code _COMPLETE}.
   *
   * @return default layout
   */
  public static CheckpointLayout defaults() {
    return DEFAULTS;
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
   * The directory name of checkpoint {@code step}, e.g. {@code step-40}.
   *
   * @param step training step
   * @return directory name, without a trailing slash
   */
  public String directoryName(long step) {
    return directoryPrefix() + step;
  }

  /**
   * The step a directory name stands for.
   *
   * @param name a directory name without slashes, e.g. {@code step-40}
   * @return the step, or empty if the name is not a checkpoint directory of this layout
   */
  public OptionalLong stepOf(String name) {
    if (!name.startsWith(directoryPrefix())) {
      return OptionalLong.empty();
    }
    String digits = name.substring(directoryPrefix().length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  @Value.Check
  void check() {
    if (directoryPrefix().contains("/")) {
      throw ValidationException.invalidField(
          "directoryPrefix", "\"" + directoryPrefix() + "\" contains a slash", "use e.g. step-");
    }
    if (marker().isBlank() || marker().contains("/")) {
      throw ValidationException.invalidField(
          "marker", "\"" + marker() + "\" is not a file name", "use e.g. _COMPLETE");
    }
  }

  /** Builder for {@link CheckpointLayout}. Not thread-safe. */
  public static final class Builder extends ImmutableCheckpointLayout.Builder {
    Builder() {}
  }
}
