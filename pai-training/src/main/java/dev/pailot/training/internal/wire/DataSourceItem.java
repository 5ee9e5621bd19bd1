package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code DataSources[]}.
 *
 * @param dataSourceId AIWorkspace dataset id
 * @param uri OSS URI
 * @param mountPath mount path
 * @param options mount options
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSourceItem(
    @JsonProperty("DataSourceId") String dataSourceId,
    @JsonProperty("Uri") String uri,
    @JsonProperty("MountPath") String mountPath,
    @JsonProperty("Options") String options) {}
