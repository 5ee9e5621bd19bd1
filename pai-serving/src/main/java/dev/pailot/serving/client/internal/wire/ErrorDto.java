package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OpenAI / vLLM error object: {@code {"message", "type", "param", "code"}}. The code is a number
 * in vLLM and a string in OpenAI, so it stays a node.
 *
 * @param message the message
 * @param type the error type, e.g. {@code BadRequestError}
 * @param param the offending parameter, if any
 * @param code the code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorDto(String message, String type, String param, JsonNode code) {}
