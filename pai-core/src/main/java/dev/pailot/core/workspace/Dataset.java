package dev.pailot.core.workspace;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dataset registered in a workspace, as PAI reports it. Type fields keep PAI's own text (e.g.
 * {@code OSS}, {@code DIRECTORY}, {@code COMMON}) so that datasets created outside Pailot, with
 * values this SDK does not know, still read back faithfully. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Dataset {
  /**
   * The dataset id, e.g. {@code d-c0h44g3wlwkj8o4348}.
   *
   * @return id
   */
  public abstract String id();

  /**
   * The name, unique within its workspace.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The workspace it belongs to; empty when PAI did not report it.
   *
   * @return workspace id
   */
  @Value.Default
  public String workspaceId() {
    return "";
  }

  /**
   * Where the data lives, as PAI reports it: {@code OSS} or {@code NAS}.
   *
   * @return data source type
   */
  public abstract String dataSourceType();

  /**
   * The data's location, e.g. {@code oss://bucket.endpoint/path/}.
   *
   * @return URI
   */
  public abstract String uri();

  /**
   * {@code FILE} or {@code DIRECTORY}, as PAI reports it.
   *
   * @return property
   */
  public abstract String property();

  /**
   * The data type, as PAI reports it, e.g. {@code COMMON}; empty when not reported.
   *
   * @return data type
   */
  @Value.Default
  public String dataType() {
    return "";
  }

  /**
   * The default mount path from the dataset's {@code Options}, if set.
   *
   * @return mount path
   */
  public abstract Optional<String> mountPath();

  /**
   * The description; empty when none.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The labels.
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

  /**
   * When the dataset was created, if reported (empty for a dataset {@link
   * WorkspaceClient#ensure(WorkspaceSpec)} has just created).
   *
   * @return creation time
   */
  public abstract Optional<Instant> createdAt();

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

  /** Builder for {@link Dataset}. Not thread-safe. */
  public static final class Builder extends ImmutableDataset.Builder {
    Builder() {}
  }
}
