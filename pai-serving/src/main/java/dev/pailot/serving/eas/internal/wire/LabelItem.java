package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A label.
 *
 * @param key LabelKey
 * @param value LabelValue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelItem(
    @JsonProperty("LabelKey") String key, @JsonProperty("LabelValue") String value) {}
