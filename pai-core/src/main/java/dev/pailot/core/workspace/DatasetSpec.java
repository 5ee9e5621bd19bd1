package dev.pailot.core.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dataset to register in a workspace: a name for data in OSS or NAS (CPFS counts as NAS) that DLC
 * jobs and EAS services can mount. Plain data: JSON round-trippable (see {@link
 * WorkspaceSpec#toJson()}).
 *
 * <pre>{@code
 * DatasetSpec train = DatasetSpec.builder()
 *     .name("train-data")
 *     .dataSourceType(DataSourceType.OSS)
 *     .uri("oss://my-bucket.oss-cn-shanghai.aliyuncs.com/datasets/train/")
 *     .property(DatasetProperty.DIRECTORY)
 *     .mountPath("/mnt/data/train/")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent to PAI.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableDatasetSpec.class)
@JsonDeserialize(as = ImmutableDatasetSpec.class)
public abstract class DatasetSpec {
  private static final Map<String, String> FIXES =
      Map.of(
          "name", "set name(\"train-data\")",
          "dataSourceType", "set dataSourceType(DataSourceType.OSS) or NAS",
          "uri", "set uri(\"oss://my-bucket.oss-cn-shanghai.aliyuncs.com/data/\")",
          "property", "set property(DatasetProperty.DIRECTORY) or FILE");

  /**
   * The dataset's name, unique within its workspace: 1 to 127 letters, digits, {@code _} or {@code
   * -}, starting with a letter or digit. Required.
   *
   * @return name
   */
  public abstract String name();

  /**
   * Where the data lives. Required.
   *
   * @return data source type
   */
  public abstract DataSourceType dataSourceType();

  /**
   * The data's location: {@code oss://bucket.endpoint/path} for OSS, {@code
   * nas://filesystem-id.region/path} for NAS and CPFS. Required.
   *
   * @return URI
   */
  public abstract String uri();

  /**
   * Whether {@link #uri()} is one file or a directory. Required.
   *
   * @return property
   */
  public abstract DatasetProperty property();

  /**
   * Where DLC jobs mount the data by default, e.g. {@code /mnt/data/}; sent in the dataset's {@code
   * Options} as {@code {"mountPath":"/mnt/data/"}}. Absolute.
   *
   * @return mount path, if set
   */
  public abstract Optional<String> mountPath();

  /**
   * What kind of data it is. Default {@link DataType#COMMON}.
   *
   * @return data type
   */
  @Value.Default
  public DataType dataType() {
    return DataType.COMMON;
  }

  /**
   * A free-text description; empty by default.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * Labels sent with the dataset; keys and values up to 128 bytes, without {@code =} or {@code ,}.
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

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
    SpecRules.datasetName(name());
    SpecRules.uri(name(), dataSourceType(), property(), uri());
    mountPath().ifPresent(p -> SpecRules.mountPath(name(), p));
    SpecRules.labels(name(), labels());
  }

  /** Builder for {@link DatasetSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableDatasetSpec.Builder {
    Builder() {}

    /**
     * Validates and builds the spec. No network call is made.
     *
     * @return the spec
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public DatasetSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("DatasetSpec", e, FIXES);
      }
    }
  }
}
