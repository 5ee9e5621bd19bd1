package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ListServiceVersions' body.
 *
 * @param versions Versions
 * @param totalCount TotalCount
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListVersionsResponse(
    @JsonProperty("Versions") List<VersionItem> versions,
    @JsonProperty("TotalCount") Integer totalCount) {}
