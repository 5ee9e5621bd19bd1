package dev.pailot.serving.release;

import java.util.Objects;

/**
 * A service's own data-plane endpoint and its access token, handed to a client factory. The token
 * never appears in {@link #toString()}.
 */
public final class ServiceEndpoint {
  private final String url;
  private final String token;

  /**
   * Creates an endpoint.
   *
   * @param url endpoint URL
   * @param token access token
   */
  public ServiceEndpoint(String url, String token) {
    this.url = Objects.requireNonNull(url, "url");
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * The endpoint URL.
   *
   * @return URL
   */
  public String url() {
    return url;
  }

  /**
   * The access token, for the {@code Authorization} header.
   *
   * @return token
   */
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "ServiceEndpoint[url=" + url + ", token=****]";
  }
}
