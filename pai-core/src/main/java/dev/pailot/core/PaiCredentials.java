package dev.pailot.core;

import dev.pailot.core.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the control plane's credentials come from. Immutable and thread-safe; {@link #toString()}
 * never shows a secret or token, and shows at most the last four characters of an access key id.
 *
 * <p>{@link #defaultChain()} is Alibaba Cloud's own default chain ({@code credentials-java}):
 * system properties, environment variables ({@code ALIBABA_CLOUD_ACCESS_KEY_ID}, ...), OIDC / RRSA,
 * CLI and INI profiles, the ECS RAM role, and a credentials URI, in that order.
 */
public final class PaiCredentials {
  /** The kinds of credential source. */
  public enum Kind {
    /** The {@code credentials-java} default chain. */
    DEFAULT_CHAIN,
    /** A long-lived AccessKey pair. */
    ACCESS_KEY,
    /** A temporary STS AccessKey pair with its security token. */
    STS
  }

  private final Kind kind;
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;

  private PaiCredentials(Kind kind, String id, String secret, String token) {
    this.kind = kind;
    this.accessKeyId = id;
    this.accessKeySecret = secret;
    this.securityToken = token;
  }

  /**
   * Alibaba Cloud's default credential chain, resolved lazily on first use.
   *
   * @return credentials that follow the chain
   */
  public static PaiCredentials defaultChain() {
    return new PaiCredentials(Kind.DEFAULT_CHAIN, null, null, null);
  }

  /**
   * A static AccessKey pair.
   *
   * @param accessKeyId the AccessKey id
   * @param accessKeySecret the AccessKey secret
   * @return credentials
   * @throws ValidationException if either is blank
   */
  public static PaiCredentials accessKey(String accessKeyId, String accessKeySecret) {
    require("accessKeyId", accessKeyId);
    require("accessKeySecret", accessKeySecret);
    return new PaiCredentials(Kind.ACCESS_KEY, accessKeyId, accessKeySecret, null);
  }

  /**
   * A temporary STS AccessKey pair.
   *
   * @param accessKeyId the STS AccessKey id ({@code STS.}...)
   * @param accessKeySecret the STS AccessKey secret
   * @param securityToken the STS security token
   * @return credentials
   * @throws ValidationException if any is blank
   */
  public static PaiCredentials sts(
      String accessKeyId, String accessKeySecret, String securityToken) {
    require("accessKeyId", accessKeyId);
    require("accessKeySecret", accessKeySecret);
    require("securityToken", securityToken);
    return new PaiCredentials(Kind.STS, accessKeyId, accessKeySecret, securityToken);
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.invalidField(
          field,
          "is empty",
          "pass the value from your RAM user or use PaiCredentials.defaultChain()");
    }
  }

  /**
   * The source kind.
   *
   * @return kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The AccessKey id, for static kinds.
   *
   * @return the id
   */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  /**
   * The AccessKey secret, for static kinds. Never log it.
   *
   * @return the secret
   */
  public Optional<String> accessKeySecret() {
    return Optional.ofNullable(accessKeySecret);
  }

  /**
   * The STS security token, for {@link Kind#STS}. Never log it.
   *
   * @return the token
   */
  public Optional<String> securityToken() {
    return Optional.ofNullable(securityToken);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaiCredentials c
        && kind == c.kind
        && Objects.equals(accessKeyId, c.accessKeyId)
        && Objects.equals(accessKeySecret, c.accessKeySecret)
        && Objects.equals(securityToken, c.securityToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, accessKeyId);
  }

  @Override
  public String toString() {
    if (accessKeyId == null) {
      return "PaiCredentials{" + kind + "}";
    }
    String tail = accessKeyId.length() > 8 ? accessKeyId.substring(accessKeyId.length() - 4) : "";
    return "PaiCredentials{" + kind + ", accessKeyId=****" + tail + ", secret=****}";
  }
}
