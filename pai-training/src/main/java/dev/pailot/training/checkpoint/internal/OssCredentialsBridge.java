package dev.pailot.training.checkpoint.internal;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import dev.pailot.core.PaiCredentials;

/**
 * Hands Pailot's credentials to the OSS SDK: a static AccessKey or STS triple as they are, the
 * default chain through {@code credentials-java}'s client, asked on every request (it caches and
 * refreshes temporary credentials itself). Never logs or prints a secret.
 */
public final class OssCredentialsBridge {
  private OssCredentialsBridge() {}

  /**
   * An OSS credentials provider for Pailot credentials.
   *
   * @param credentials Pailot's credentials
   * @return the provider
   */
  public static CredentialsProvider of(PaiCredentials credentials) {
    return switch (credentials.kind()) {
      case ACCESS_KEY ->
          new DefaultCredentialProvider(
              credentials.accessKeyId().orElseThrow(), credentials.accessKeySecret().orElseThrow());
      case STS ->
          new DefaultCredentialProvider(
              credentials.accessKeyId().orElseThrow(),
              credentials.accessKeySecret().orElseThrow(),
              credentials.securityToken().orElseThrow());
      case DEFAULT_CHAIN -> new ChainProvider();
    };
  }

  /** The {@code credentials-java} default chain, created on first use. */
  private static final class ChainProvider implements CredentialsProvider {
    private volatile com.aliyun.credentials.Client client;

    @Override
    public void setCredentials(Credentials creds) {
      throw new UnsupportedOperationException("credentials come from the default chain");
    }

    @Override
    public Credentials getCredentials() {
      CredentialModel m = client().getCredential();
      return m.getSecurityToken() == null || m.getSecurityToken().isEmpty()
          ? new DefaultCredentials(m.getAccessKeyId(), m.getAccessKeySecret())
          : new DefaultCredentials(
              m.getAccessKeyId(), m.getAccessKeySecret(), m.getSecurityToken());
    }

    private com.aliyun.credentials.Client client() {
      com.aliyun.credentials.Client c = client;
      if (c == null) {
        synchronized (this) {
          c = client;
          if (c == null) {
            c = new com.aliyun.credentials.Client();
            client = c;
          }
        }
      }
      return c;
    }

    @Override
    public String toString() {
      return "OssCredentials{default chain}";
    }
  }
}
