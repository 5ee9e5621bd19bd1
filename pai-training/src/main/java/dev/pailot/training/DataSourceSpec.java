package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Data mounted into every pod of a job ({@code DataSources[]}): an AIWorkspace dataset by id, or an
 * OSS location by URI.
 *
 * <pre>{@code
 * DataSourceSpec train = DataSourceSpec.dataset("d-c0h44g3wlwkj8o4348", "/mnt/data/train/");
 * DataSourceSpec raw = DataSourceSpec.oss(
 *     "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/raw/", "/mnt/data/raw/");
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableDataSourceSpec.class)
@JsonDeserialize(as = ImmutableDataSourceSpec.class)
public abstract class DataSourceSpec {
  /**
   * The AIWorkspace dataset id, e.g. {@code d-c0h44g3wlwkj8o4348} ({@code DataSourceId}).
   *
   * @return dataset id, if this source is a dataset
   */
  public abstract Optional<String> datasetId();

  /**
   * The OSS location, e.g. {@code oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/path/} ({@code
   * Uri}).
   *
   * @return URI, if this source is an OSS location
   */
  public abstract Optional<String> uri();

  /**
   * Where the data appears in the pods, absolute ({@code MountPath}). Required for an OSS URI; for
   * a dataset it overrides the dataset's default mount path.
   *
   * @return mount path
   */
  public abstract Optional<String> mountPath();

  /**
   * Mount tuning as DLC expects it in {@code Options} (JSON text of JindoFS/OSS options).
   *
   * @return options
   */
  public abstract Optional<String> options();

  /**
   * An AIWorkspace dataset mounted at a path.
   *
   * @param datasetId dataset id, e.g. {@code d-c0h44g3wlwkj8o4348}
   * @param mountPath absolute mount path
   * @return the data source
   * @throws ValidationException if an argument is invalid
   */
  public static DataSourceSpec dataset(String datasetId, String mountPath) {
    return builder().datasetId(datasetId).mountPath(mountPath).build();
  }

  /**
   * An OSS location mounted at a path.
   *
   * @param uri {@code oss://bucket.endpoint/path/}
   * @param mountPath absolute mount path
   * @return the data source
   * @throws ValidationException if an argument is invalid
   */
  public static DataSourceSpec oss(String uri, String mountPath) {
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

  /** How messages name this source: its dataset id or URI. */
  String describe() {
    return datasetId()
        .map(id -> "dataset " + id)
        .orElseGet(() -> "data source " + uri().orElse(""));
  }

  @Value.Check
  void check() {
    if (datasetId().isPresent() == uri().isPresent()) {
      throw ValidationException.invalidField(
          "dataSources",
          "a data source "
              + (datasetId().isPresent() ? "sets both datasetId and uri" : "sets neither")
              + " (an AIWorkspace dataset id or an oss:// URI)",
          "use DataSourceSpec.dataset(id, mountPath) or DataSourceSpec.oss(uri, mountPath)");
    }
    datasetId()
        .ifPresent(
            id -> SpecRules.notBlank("datasetId", id, "on a data source", "give the dataset id"));
    uri().ifPresent(u -> SpecRules.ossUri("uri", "a data source", u));
    if (uri().isPresent() && mountPath().isEmpty()) {
      throw ValidationException.invalidField(
          "mountPath",
          "is not set on " + describe(),
          "give the absolute path where the pods see the data, e.g. /mnt/data/");
    }
    mountPath().ifPresent(p -> SpecRules.mountPath(describe(), p));
  }

  /** Builder for {@link DataSourceSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableDataSourceSpec.Builder {
    Builder() {}
  }
}
