package dev.pailot.testkit.stubs;

import java.time.Duration;
import java.time.Instant;

/**
 * The error responses PAI, VPC and ECS send, ready for {@link Faults#fail}. Each call returns a new
 * {@link ErrorResponse} with a fresh request id; adjust with its {@code with*} methods, e.g. {@code
 * ErrorBodies.invalidParameter("CidrBlock").withLowercaseKeys()}.
 *
 * <p>Stateless; thread-safe.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /**
   * HTTP 400 {@code MissingParameter}.
   *
   * @param parameter the missing parameter
   * @return the error
   */
  public static ErrorResponse missingParameter(String parameter) {
    return ErrorResponse.of(
        400,
        "MissingParameter",
        "The input parameter \""
            + parameter
            + "\" that is mandatory for processing this request"
            + " is not supplied.");
  }

  /**
   * HTTP 400 {@code InvalidParameter}.
   *
   * @param parameter the invalid parameter
   * @return the error
   */
  public static ErrorResponse invalidParameter(String parameter) {
    return ErrorResponse.of(
        400, "InvalidParameter", "The specified parameter \"" + parameter + "\" is not valid.");
  }

  /**
   * HTTP 404 with a {@code *.NotFound} code, e.g. {@code InvalidVpcId.NotFound}.
   *
   * @param code the error code
   * @return the error
   */
  public static ErrorResponse notFound(String code) {
    return ErrorResponse.of(404, code, "The specified resource does not exist.");
  }

  /**
   * HTTP 400 with AIWorkspace's numeric workspace-not-found code {@code 100400008}: the status
   * alone does not say "not found", only the code does.
   *
   * @return the error
   */
  public static ErrorResponse workspaceNotFound() {
    return ErrorResponse.of(400, "100400008", "Workspace not exists.");
  }

  /**
   * HTTP 400 with AIWorkspace's numeric dataset-not-found code {@code 201300003}.
   *
   * @return the error
   */
  public static ErrorResponse datasetNotFound() {
    return ErrorResponse.of(400, "201300003", "Dataset not exists.");
  }

  /**
   * HTTP 400 {@code SignatureDoesNotMatch}.
   *
   * @return the error
   */
  public static ErrorResponse signatureDoesNotMatch() {
    return ErrorResponse.of(
        400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
  }

  /**
   * HTTP 404 {@code InvalidAccessKeyId.NotFound}: an authentication failure, not a missing
   * resource.
   *
   * @return the error
   */
  public static ErrorResponse invalidAccessKeyId() {
    return ErrorResponse.of(
        404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
  }

  /**
   * HTTP 403 {@code Forbidden.RAM}.
   *
   * @return the error
   */
  public static ErrorResponse forbiddenRam() {
    return ErrorResponse.of(
        403,
        "Forbidden.RAM",
        "User not authorized to operate on the specified resource, or this API doesn't support"
            + " RAM.");
  }

  /**
   * HTTP 400 {@code Throttling.User} with {@code x-ratelimit-user-api:
   * Limit:100,Remain:0,TimeLeft:<ms>,Reset:<epoch ms>}.
   *
   * @param timeLeft the wait hint
   * @return the error
   */
  public static ErrorResponse throttling(Duration timeLeft) {
    long ms = timeLeft.toMillis();
    long reset = Instant.now().toEpochMilli() + ms;
    return ErrorResponse.of(400, "Throttling.User", "Request was denied due to user flow control.")
        .withHeader(
            "x-ratelimit-user-api", "Limit:100,Remain:0,TimeLeft:" + ms + ",Reset:" + reset);
  }

  /**
   * HTTP 503 {@code ServiceUnavailable}.
   *
   * @return the error
   */
  public static ErrorResponse serviceUnavailable() {
    return ErrorResponse.of(
        503,
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.");
  }

  /**
   * HTTP 500 {@code InternalError}.
   *
   * @return the error
   */
  public static ErrorResponse internalError() {
    return ErrorResponse.of(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.");
  }

  /**
   * HTTP 409 with a conflict code, e.g. {@code WorkspaceName.AlreadyExists}.
   *
   * @param code the error code
   * @return the error
   */
  public static ErrorResponse conflict(String code) {
    return ErrorResponse.of(409, code, "The resource already exists or is being changed.");
  }
}
