package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * DescribeServiceMirror's body: the ratio is a string, the targets one comma list.
 *
 * @param serviceName ServiceName
 * @param ratio Ratio
 * @param target Target
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MirrorResponse(
    @JsonProperty("ServiceName") String serviceName,
    @JsonProperty("Ratio") String ratio,
    @JsonProperty("Target") String target) {}
