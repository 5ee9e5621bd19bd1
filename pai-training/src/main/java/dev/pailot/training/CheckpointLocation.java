package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Where a job writes its checkpoints: an OSS location mounted into every pod, sent to DLC as one
 * more {@code DataSources[]} entry. A spot run ({@code dev.pailot.training.spot}) needs one to
 * resume after preemption; see {@link JobSpec#validateForSpotRun()}.
 *
 * <pre>{@code
 * CheckpointLocation ckpt = CheckpointLocation.of(
 *     "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/llm-sft/", "/mnt/ckpt/");
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableCheckpointLocation.class)
@JsonDeserialize(as = ImmutableCheckpointLocation.class)
public abstract class CheckpointLocation {
  private static final Map<String, String> FIXES =
      Map.of(
          "uri", "set uri(\"oss://bucket.endpoint/ckpt/\")",
          "mountPath", "set mountPath(\"/mnt/ckpt/\")");

  /**
   * The OSS location, e.g. {@code oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/run/}.
   * Required.
   *
   * @return URI
   */
  public abstract String uri();

  /**
   * Where the pods see it, absolute, e.g. {@code /mnt/ckpt/}. Required.
   *
   * @return mount path
   */
  public abstract String mountPath();

  /**
   * A checkpoint location.
   *
   * @param uri {@code oss://bucket.endpoint/path/}
   * @param mountPath absolute mount path
   * @return the location
   * @throws ValidationException if an argument is invalid
   */
  public static CheckpointLocation of(String uri, String mountPath) {
    return builder().uri(uri).mountPath(mountPath).build();
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
    SpecRules.ossUri("checkpoint", "the checkpoint location", uri());
    SpecRules.mountPath("the checkpoint location", mountPath());
  }

  /** Builder for {@link CheckpointLocation}. Not thread-safe. */
  public static final class Builder extends ImmutableCheckpointLocation.Builder {
    Builder() {}

    /**
     * Validates and builds. No network call is made.
     *
     * @return the location
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public CheckpointLocation build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("CheckpointLocation", e, FIXES);
      }
    }
  }
}
