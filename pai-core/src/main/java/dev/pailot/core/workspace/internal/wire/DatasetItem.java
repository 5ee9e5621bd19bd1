package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A dataset in GetDataset's body and ListDatasets' {@code Datasets[]}.
 *
 * @param datasetId id ({@code d-...})
 * @param name name
 * @param workspaceId workspace id
 * @param dataSourceType {@code OSS} or {@code NAS}
 * @param uri URI
 * @param property {@code FILE} or {@code DIRECTORY}
 * @param dataType data type
 * @param options JSON text, e.g. {@code {"mountPath":"/mnt/data/"}}
 * @param description description
 * @param labels labels
 * @param gmtCreateTime ISO-8601 creation time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetItem(
    @JsonProperty("DatasetId") String datasetId,
    @JsonProperty("Name") String name,
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("DataSourceType") String dataSourceType,
    @JsonProperty("Uri") String uri,
    @JsonProperty("Property") String property,
    @JsonProperty("DataType") String dataType,
    @JsonProperty("Options") String options,
    @JsonProperty("Description") String description,
    @JsonProperty("Labels") List<LabelItem> labels,
    @JsonProperty("GmtCreateTime") String gmtCreateTime) {}
