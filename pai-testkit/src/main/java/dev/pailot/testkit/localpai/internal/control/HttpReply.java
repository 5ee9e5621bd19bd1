package dev.pailot.testkit.localpai.internal.control;

import java.time.Duration;
import java.util.Map;

/**
 * An answer ready to be written: status, headers, body and how long to hold it back (injected
 * latency).
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body body bytes
 * @param delay latency to add before writing
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body, Duration delay) {
  /** Copies the headers. */
  public HttpReply {
    headers = Map.copyOf(headers);
  }
}
