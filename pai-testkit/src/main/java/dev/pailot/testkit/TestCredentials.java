package dev.pailot.testkit;

import dev.pailot.core.PaiCredentials;

/**
 * The fixed, fake credentials that {@link PaiMockServer} clients sign with. They are not valid
 * anywhere; they exist so that tests can check the {@code Authorization} header, recompute the
 * signature, and make sure the secret never reaches a log line.
 *
 * <p>Constants only; thread-safe.
 */
public final class TestCredentials {
  /** The AccessKey id used by mock-server clients. */
  public static final String ACCESS_KEY_ID = "LTAI5tPailotTestKeyId";

  /** The AccessKey secret used by mock-server clients. Must never appear in logs. */
  public static final String ACCESS_KEY_SECRET = "pailot-test-secret-9f2c1e7b4a";

  /** An STS AccessKey id for tests that use temporary credentials. */
  public static final String STS_ACCESS_KEY_ID = "STS.NUpailotTestStsKeyId";

  /** An STS AccessKey secret. Must never appear in logs. */
  public static final String STS_ACCESS_KEY_SECRET = "pailot-test-sts-secret-58d0c3";

  /** An STS security token. Must never appear in logs. */
  public static final String STS_SECURITY_TOKEN = "CAISpailotTestSecurityToken+7Qw3ZLx0Uu9Yh==";

  private TestCredentials() {}

  /**
   * The static AccessKey pair {@link #ACCESS_KEY_ID} / {@link #ACCESS_KEY_SECRET}.
   *
   * @return credentials
   */
  public static PaiCredentials accessKey() {
    return PaiCredentials.accessKey(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
  }

  /**
   * The STS triple {@link #STS_ACCESS_KEY_ID} / {@link #STS_ACCESS_KEY_SECRET} / {@link
   * #STS_SECURITY_TOKEN}.
   *
   * @return credentials
   */
  public static PaiCredentials sts() {
    return PaiCredentials.sts(STS_ACCESS_KEY_ID, STS_ACCESS_KEY_SECRET, STS_SECURITY_TOKEN);
  }
}
