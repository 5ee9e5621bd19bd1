package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A chat message or message delta.
 *
 * @param role the role, on the first chunk
 * @param content the text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageDto(String role, String content) {}
