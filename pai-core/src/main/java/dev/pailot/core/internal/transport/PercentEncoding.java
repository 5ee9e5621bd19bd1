package dev.pailot.core.internal.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Alibaba Cloud's percent-encoding: URL-encode UTF-8, then {@code +}→{@code %20}, {@code *}→{@code
 * %2A}, {@code %7E}→{@code ~}.
 */
public final class PercentEncoding {
  private PercentEncoding() {}

  /**
   * Encodes one value.
   *
   * @param value raw value
   * @return encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
