package dev.pailot.serving.client.internal;

/**
 * The EAS token and how it is sent. Its {@link #toString()} never shows it; only {@link
 * #headerValue()} does, for the {@code Authorization} header. Immutable.
 */
public final class AccessToken {
  private final String headerValue;
  private final String secret;

  private AccessToken(String headerValue, String secret) {
    this.headerValue = headerValue;
    this.secret = secret;
  }

  /**
   * EAS's form: {@code Authorization: <token>}.
   *
   * @param token the token
   * @return the token
   */
  public static AccessToken raw(String token) {
    return new AccessToken(token, token);
  }

  /**
   * The OpenAI form: {@code Authorization: Bearer <token>}.
   *
   * @param token the token
   * @return the token
   */
  public static AccessToken bearer(String token) {
    return new AccessToken("Bearer " + token, token);
  }

  /**
   * The {@code Authorization} header value. Never log it.
   *
   * @return the header value
   */
  public String headerValue() {
    return headerValue;
  }

  /**
   * The token itself, for clients that add their own scheme (the engine metrics scraper). Never log
   * it.
   *
   * @return the token
   */
  public String secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "****";
  }
}
