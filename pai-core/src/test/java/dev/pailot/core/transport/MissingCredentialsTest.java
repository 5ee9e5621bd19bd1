package dev.pailot.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * With the default chain and nothing configured, the failure is an authentication error that says
 * what to set, not a network error. The endpoint is never contacted (port 9 is discard).
 */
class MissingCredentialsTest {
  @Test
  void defaultChainWithNoCredentialsSaysWhatToSet() {
    // Point the chain at nothing: no profile files, no ECS metadata, no URI.
    System.setProperty("alibabacloud.accessKeyId", "");
    try (Pai pai =
        Pai.builder()
            .region("cn-shanghai")
            .credentials(PaiCredentials.defaultChain())
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .build()) {
      assertThatThrownBy(
              () ->
                  PaiRuntime.of(pai)
                      .call(
                          ApiRequest.of(
                                  Operation.roa(
                                      Product.AIWORKSPACE,
                                      "ListWorkspaces",
                                      "GET",
                                      "/api/v1/workspaces",
                                      true))
                              .build()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_ID")
          .satisfies(e -> assertThat(((AuthenticationException) e).retryable()).isFalse());
    } finally {
      System.clearProperty("alibabacloud.accessKeyId");
    }
  }
}
