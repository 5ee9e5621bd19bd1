package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pailot.core.Pai;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.testkit.stubs.ErrorBodies;
import dev.pailot.testkit.stubs.ErrorResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PAI error answer becomes the right {@link PaiException} subtype with the service's request
 * id, code and status, whichever key casing the body uses. Retries are off so that each case is one
 * attempt.
 */
@PaiMockServer(retry = false)
class ErrorMappingTest {

  record Case(
      String name,
      Supplier<ErrorResponse> error,
      Class<? extends PaiException> type,
      boolean retryable) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> base =
        List.of(
            new Case(
                "MissingParameter",
                () -> ErrorBodies.missingParameter("RegionId"),
                ValidationException.class,
                false),
            new Case(
                "InvalidParameter",
                () -> ErrorBodies.invalidParameter("CidrBlock"),
                ValidationException.class,
                false),
            new Case(
                "InvalidVpcId.NotFound",
                () -> ErrorBodies.notFound("InvalidVpcId.NotFound"),
                ResourceNotFoundException.class,
                false),
            new Case(
                "plain 404",
                () -> ErrorResponse.of(404, "ResourceNotExist", "No such thing."),
                ResourceNotFoundException.class,
                false),
            new Case(
                "AIWorkspace 100400008 on HTTP 400",
                ErrorBodies::workspaceNotFound,
                ResourceNotFoundException.class,
                false),
            new Case(
                "AIWorkspace 201300003 on HTTP 400",
                ErrorBodies::datasetNotFound,
                ResourceNotFoundException.class,
                false),
            new Case(
                "SignatureDoesNotMatch",
                ErrorBodies::signatureDoesNotMatch,
                AuthenticationException.class,
                false),
            new Case(
                "InvalidAccessKeyId.NotFound on HTTP 404",
                ErrorBodies::invalidAccessKeyId,
                AuthenticationException.class,
                false),
            new Case(
                "Forbidden.RAM", ErrorBodies::forbiddenRam, AuthenticationException.class, false),
            new Case(
                "Throttling.User",
                () -> ErrorBodies.throttling(Duration.ofMillis(1500)),
                ThrottlingException.class,
                true),
            new Case(
                "503 ServiceUnavailable",
                ErrorBodies::serviceUnavailable,
                ServiceUnavailableException.class,
                true),
            new Case(
                "500 InternalError",
                ErrorBodies::internalError,
                ServiceUnavailableException.class,
                true),
            new Case(
                "409 conflict",
                () -> ErrorBodies.conflict("WorkspaceName.AlreadyExists"),
                ConflictException.class,
                false));
    List<Arguments> out = new ArrayList<>();
    for (Case c : base) {
      out.add(Arguments.of(c, false));
      out.add(Arguments.of(c, true));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, lowercase keys: {1}")
  @MethodSource("cases")
  void roaErrorsMapToTheirClass(Case c, boolean lowercase, Pai pai, PaiStubs stubs) {
    ErrorResponse error = lowercase ? c.error().get().withLowercaseKeys() : c.error().get();
    stubs.faults().fail("GetWorkspace", error);

    PaiException e =
        catchThrowableOfType(
            PaiException.class,
            () ->
                Ops.call(
                    pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build()));

    assertMapped(e, c, error);
    assertThat(e.getMessage()).contains("GetWorkspace").doesNotContain("{");
  }

  @ParameterizedTest(name = "{0}, lowercase keys: {1}")
  @MethodSource("cases")
  void rpcErrorsMapToTheirClass(Case c, boolean lowercase, Pai pai, PaiStubs stubs) {
    ErrorResponse error = lowercase ? c.error().get().withLowercaseKeys() : c.error().get();
    stubs.faults().fail("DescribeVpcs", error);

    PaiException e =
        catchThrowableOfType(
            PaiException.class,
            () -> Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()));

    assertMapped(e, c, error);
  }

  @Test
  void throttlingCarriesTheServersWaitHint(Pai pai, PaiStubs stubs) {
    stubs.faults().fail("DescribeVpcs", ErrorBodies.throttling(Duration.ofMillis(1500)));

    ThrottlingException e =
        catchThrowableOfType(
            ThrottlingException.class,
            () -> Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()));

    assertThat(e.retryAfter()).hasValue(Duration.ofMillis(1500));
  }

  @Test
  void aFaultLimitedToOneCallFallsThroughToTheRegularStub(Pai pai, PaiStubs stubs) {
    stubs.workspace().getWorkspace(workspace("ws-1", "pailot"));
    stubs.faults().fail("GetWorkspace", ErrorBodies.internalError(), 1);
    ApiRequest get = ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build();

    catchThrowableOfType(ServiceUnavailableException.class, () -> Ops.call(pai, get));

    assertThat(Ops.call(pai, get).body().path("WorkspaceId").asText()).isEqualTo("ws-1");
  }

  private static void assertMapped(PaiException e, Case c, ErrorResponse error) {
    assertThat(e).as(c.name()).isExactlyInstanceOf(c.type());
    assertThat(e.requestId()).hasValue(error.requestId());
    assertThat(e.errorCode()).hasValue(error.code());
    assertThat(e.httpStatus()).isEqualTo(error.status());
    assertThat(e.retryable()).isEqualTo(c.retryable());
    assertThat(e.numAttempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains(error.code()).contains(error.requestId());
  }
}
