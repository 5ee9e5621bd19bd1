package dev.pailot.testkit.stubs;

import java.util.Objects;

/**
 * An AIWorkspace dataset as {@code GetDataset} and {@code ListDatasets} report it. Create with
 * {@link Fixtures#dataset}; immutable and thread-safe, the {@code with*} methods return copies.
 *
 * @param datasetId e.g. {@code d-abc}
 * @param name name
 * @param workspaceId the owning workspace
 * @param dataSourceType {@code OSS} or {@code NAS}
 * @param uri e.g. {@code oss://bucket.oss-cn-shanghai.aliyuncs.com/data/}
 * @param property {@code FILE} or {@code DIRECTORY}
 * @param options JSON text such as {@code {"mountPath":"/mnt/data/"}}, may be empty
 */
public record DatasetFixture(
    String datasetId,
    String name,
    String workspaceId,
    String dataSourceType,
    String uri,
    String property,
    String options) {

  /**
   * Validates.
   *
   * @param datasetId e.g. {@code d-abc}
   * @param name name
   * @param workspaceId the owning workspace
   * @param dataSourceType {@code OSS} or {@code NAS}
   * @param uri e.g. {@code oss://bucket.oss-cn-shanghai.aliyuncs.com/data/}
   * @param property {@code FILE} or {@code DIRECTORY}
   * @param options JSON text such as {@code {"mountPath":"/mnt/data/"}}, may be empty
   */
  public DatasetFixture {
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(dataSourceType, "dataSourceType");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(property, "property");
    options = options == null ? "" : options;
  }

  /**
   * A copy with this property.
   *
   * @param newProperty {@code FILE} or {@code DIRECTORY}
   * @return copy
   */
  public DatasetFixture withProperty(String newProperty) {
    return new DatasetFixture(
        datasetId, name, workspaceId, dataSourceType, uri, newProperty, options);
  }

  /**
   * A copy with these options.
   *
   * @param json JSON text, e.g. {@code {"mountPath":"/mnt/data/"}}
   * @return copy
   */
  public DatasetFixture withOptions(String json) {
    return new DatasetFixture(datasetId, name, workspaceId, dataSourceType, uri, property, json);
  }
}
