package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Event (§3.4).
 *
 * @param time Time
 * @param type Type
 * @param reason Reason
 * @param resource Resource
 * @param message Message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventItem(
    @JsonProperty("Time") String time,
    @JsonProperty("Type") String type,
    @JsonProperty("Reason") String reason,
    @JsonProperty("Resource") String resource,
    @JsonProperty("Message") String message) {}
