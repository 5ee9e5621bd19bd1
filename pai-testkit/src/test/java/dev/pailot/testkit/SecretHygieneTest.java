package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.testkit.stubs.ErrorBodies;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With every logger at DEBUG, pai-core's pipeline (and tea-openapi, OkHttp and WireMock below it)
 * must not log the AccessKey secret or the STS token, whatever happens: success, errors, retries,
 * connection resets. The guard fails the test after it if anything leaked.
 */
@PaiMockServer
class SecretHygieneTest {
  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create();

  @Test
  void successfulErrorAndRetriedCallsLogNoSecret(Pai pai, PaiStubs stubs) {
    stubs.vpc().describeVpcs(vpc("vpc-1", "pailot", "10.0.0.0/16", "Available"));
    stubs.faults().throttle("DescribeVpcs", 2, Duration.ofMillis(1));
    stubs.workspace().createWorkspace("ws-1");
    stubs.faults().fail("GetWorkspace", ErrorBodies.signatureDoesNotMatch());
    stubs.faults().connectionReset("CreateDataset", 1);

    Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
    Ops.call(
        pai,
        ApiRequest.of(Ops.CREATE_WORKSPACE)
            .body(JsonNodeFactory.instance.objectNode().put("WorkspaceName", "pailot"))
            .build());
    PaiException auth =
        catchThrowableOfType(
            AuthenticationException.class,
            () ->
                Ops.call(
                    pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build()));
    PaiException reset =
        catchThrowableOfType(
            ServiceUnavailableException.class,
            () ->
                Ops.call(
                    pai,
                    ApiRequest.of(Ops.CREATE_DATASET)
                        .body(JsonNodeFactory.instance.objectNode().put("Name", "d"))
                        .build()));

    // The guard really saw DEBUG output from the pipeline, so its silence means something.
    assertThat(guard.capturedEvents()).isPositive();
    guard.assertNoSecretIn("AuthenticationException", auth);
    guard.assertNoSecretIn("connection-reset exception", reset);
    assertThat(guard.violations()).isEmpty();
  }

  @Test
  void stsCallsLogNeitherTheSecretNorTheToken(PaiMockEndpoint endpoint, PaiStubs stubs) {
    stubs.workspace().getWorkspace(workspace("ws-1", "pailot"));
    stubs.faults().serviceUnavailable("GetWorkspace", 1);

    stubs.faults().connectionReset("CreateVpc", 1);

    try (Pai pai = endpoint.paiBuilder().credentials(TestCredentials.sts()).build()) {
      Ops.call(pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build());
      PaiException reset =
          catchThrowableOfType(
              ServiceUnavailableException.class,
              () -> Ops.call(pai, Ops.rpc(Ops.CREATE_VPC, "cn-shanghai").build()));
      guard.assertNoSecretIn("connection-reset exception", reset);
      guard.assertNoSecretIn("Pai.toString()", pai);
    }

    stubs.calls().assertCount("GetWorkspace", 2);
    assertThat(guard.capturedEvents()).isPositive();
  }

  @Test
  void paiAndCredentialsToStringHideSecrets(Pai pai) {
    guard.assertNoSecretIn("Pai.toString()", pai);
    guard.assertNoSecretIn("PaiCredentials.accessKey", TestCredentials.accessKey());
    guard.assertNoSecretIn("PaiCredentials.sts", TestCredentials.sts());
    guard.assertNoSecretIn("PaiConfig", pai.config());
    assertThat(pai.toString()).doesNotContain(TestCredentials.ACCESS_KEY_SECRET);
    assertThat(TestCredentials.sts().toString())
        .doesNotContain(TestCredentials.STS_ACCESS_KEY_SECRET)
        .doesNotContain(TestCredentials.STS_SECURITY_TOKEN)
        .contains("STS");
    PaiCredentials.defaultChain().toString();
  }
}
