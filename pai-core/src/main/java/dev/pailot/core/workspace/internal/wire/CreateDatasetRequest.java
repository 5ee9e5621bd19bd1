package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CreateDataset's body. AIWorkspace has no {@code ClientToken}, so this create is not idempotent.
 *
 * @param name name
 * @param workspaceId workspace id
 * @param dataSourceType {@code OSS} or {@code NAS}
 * @param uri URI
 * @param property {@code FILE} or {@code DIRECTORY}
 * @param dataType data type
 * @param options JSON text with the mount path, or {@code null}
 * @param description description, or {@code null}
 * @param labels labels, or {@code null} when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDatasetRequest(
    @JsonProperty("Name") String name,
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("DataSourceType") String dataSourceType,
    @JsonProperty("Uri") String uri,
    @JsonProperty("Property") String property,
    @JsonProperty("DataType") String dataType,
    @JsonProperty("Options") String options,
    @JsonProperty("Description") String description,
    @JsonProperty("Labels") List<LabelItem> labels) {}
