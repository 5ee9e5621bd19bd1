package dev.pailot.serving.client.internal;

import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * An answer received by Apache HttpClient: its head and the body read so far (all of it for a whole
 * answer, at most {@link #PEEK_LIMIT} bytes of a refused stream's error body).
 *
 * @param head status and headers
 * @param bytes the body
 */
record ApacheAnswer(HttpResponse head, byte[] bytes) implements HttpAnswer {
  @Override
  public int code() {
    return head.getCode();
  }

  @Override
  public String header(String name) {
    Header h = head.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  @Override
  public byte[] body() {
    return bytes;
  }

  @Override
  public String peek() {
    int n = (int) Math.min(bytes.length, PEEK_LIMIT);
    return new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
  }
}
