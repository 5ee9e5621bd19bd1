package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CreateDataset's body.
 *
 * @param datasetId the new dataset's id ({@code d-...})
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateDatasetResponse(
    @JsonProperty("DatasetId") String datasetId, @JsonProperty("RequestId") String requestId) {}
