package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One dataset label.
 *
 * @param key key
 * @param value value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelItem(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}
