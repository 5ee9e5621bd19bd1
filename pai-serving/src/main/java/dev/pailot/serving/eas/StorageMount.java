package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code storage[]} mount: an OSS path ({@code oss.path}) or a NAS/NFS export ({@code
 * nfs.server} + {@code nfs.path}) at {@code mount_path}. Other mount kinds (e.g. {@code empty_dir})
 * and keys Pailot does not model stay in {@link #extra()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class StorageMount {
  /**
   * {@code mount_path} inside the container.
   *
   * @return path
   */
  public abstract String mountPath();

  /**
   * {@code oss.path}, e.g. {@code oss://bucket/models/qwen/}.
   *
   * @return OSS path, if an OSS mount
   */
  public abstract Optional<String> ossPath();

  /**
   * {@code nfs.server}: a NAS mount target.
   *
   * @return server, if a NAS mount
   */
  public abstract Optional<String> nfsServer();

  /**
   * {@code nfs.path}.
   *
   * @return export path, if a NAS mount
   */
  public abstract Optional<String> nfsPath();

  /**
   * {@code readOnly} of the OSS or NFS object (key name for OSS UNCONFIRMED).
   *
   * @return flag, if set
   */
  public abstract Optional<Boolean> readOnly();

  /**
   * Every other key of the mount. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * Whether this mount holds model weights: {@code properties.resource_type=model}, or a mount path
   * containing {@code model}.
   *
   * @return true for a model mount
   */
  public boolean holdsModel() {
    JsonNode props = extra().get("properties");
    boolean tagged = props != null && "model".equals(props.path("resource_type").asText());
    return tagged || mountPath().toLowerCase(java.util.Locale.ROOT).contains("model");
  }

  /**
   * A read-only OSS mount.
   *
   * @param ossPath e.g. {@code oss://bucket/models/qwen/}
   * @param mountPath e.g. {@code /mnt/model}
   * @return the mount
   */
  public static StorageMount oss(String ossPath, String mountPath) {
    return builder().ossPath(ossPath).mountPath(mountPath).readOnly(true).build();
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
    if (!mountPath().startsWith("/")) {
      throw ValidationException.invalidField(
          "storage[].mount_path", "\"" + mountPath() + "\" is not absolute", "e.g. /mnt/model");
    }
    ossPath()
        .filter(p -> !p.startsWith("oss://"))
        .ifPresent(
            p -> {
              throw ValidationException.invalidField(
                  "storage[].oss.path", "\"" + p + "\" is not an oss:// URI", "oss://bucket/dir/");
            });
    if (ossPath().isPresent() && (nfsServer().isPresent() || nfsPath().isPresent())) {
      throw ValidationException.invalidField(
          "storage[]", "mixes oss and nfs", "use one mount per source");
    }
  }

  /** Builder for {@link StorageMount}. Not thread-safe. */
  public static final class Builder extends ImmutableStorageMount.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the mount
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public StorageMount build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("StorageMount", e);
      }
    }
  }
}
