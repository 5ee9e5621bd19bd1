package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ListDatasets' body.
 *
 * @param datasets the page's datasets
 * @param totalCount total matching datasets
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListDatasetsResponse(
    @JsonProperty("Datasets") List<DatasetItem> datasets,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("RequestId") String requestId) {}
