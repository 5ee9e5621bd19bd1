package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import okhttp3.HttpUrl;

/**
 * One attempt's POST, as either transport sends it.
 *
 * @param url where to
 * @param body the body
 * @param contentType its media type; checked when the transport builds the request
 * @param requestId the {@code X-Request-Id}
 * @param accept the {@code Accept} header, or {@code null} to send none
 * @param token the endpoint's token, or {@code null}
 */
record Outgoing(
    HttpUrl url,
    byte[] body,
    String contentType,
    String requestId,
    String accept,
    AccessToken token) {

  /** The POST of request {@code info} to {@code url} on {@code endpoint}, with its token. */
  static Outgoing to(
      HttpUrl url,
      byte[] body,
      String contentType,
      String accept,
      RequestInfo info,
      PoolEndpoint endpoint) {
    return new Outgoing(url, body, contentType, info.requestId(), accept, endpoint.token());
  }
}
