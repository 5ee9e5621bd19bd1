package dev.pailot.testkit.localpai.internal.control;

import java.util.Map;

/**
 * An error answer, thrown by handlers and turned into Alibaba Cloud's error body ({@code RequestId,
 * HostId, Code, Message, Recommend}) by {@link ControlPlane}. Messages follow Alibaba's wording
 * where it is known and always name the parameter at fault; they never contain secrets.
 */
public final class ServiceError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;

  /**
   * Creates an error.
   *
   * @param status HTTP status
   * @param code error code, e.g. {@code InvalidVpcId.NotFound}
   * @param message message for the body
   * @param headers extra response headers (e.g. rate-limit hints)
   */
  public ServiceError(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Creates an error without extra headers.
   *
   * @param status HTTP status
   * @param code error code
   * @param message message
   */
  public ServiceError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /**
   * {@code MissingParameter} (400) naming the parameter.
   *
   * @param name the parameter
   * @return the error
   */
  public static ServiceError missing(String name) {
    return new ServiceError(
        400,
        "MissingParameter",
        "The input parameter \""
            + name
            + "\" that is mandatory for processing this request is not supplied.");
  }

  /**
   * {@code InvalidParameter} (400) naming the parameter and the rule it breaks.
   *
   * @param name the parameter
   * @param rule what a valid value looks like
   * @return the error
   */
  public static ServiceError invalid(String name, String rule) {
    return malformed("InvalidParameter", name, rule);
  }

  /**
   * A 400 error with a specific code, e.g. {@code InvalidCidrBlock.Malformed}, naming the
   * parameter.
   *
   * @param code error code
   * @param name the parameter
   * @param rule what a valid value looks like
   * @return the error
   */
  public static ServiceError malformed(String code, String name, String rule) {
    return new ServiceError(
        400, code, "The specified parameter \"" + name + "\" is not valid: " + rule + ".");
  }

  /**
   * A 404 error.
   *
   * @param code error code, e.g. {@code InvalidVpcId.NotFound}
   * @param message message
   * @return the error
   */
  public static ServiceError notFound(String code, String message) {
    return new ServiceError(404, code, message);
  }

  /**
   * HTTP status.
   *
   * @return status
   */
  public int status() {
    return status;
  }

  /**
   * Error code.
   *
   * @return code
   */
  public String code() {
    return code;
  }

  /**
   * Extra response headers.
   *
   * @return headers
   */
  public Map<String, String> headers() {
    return headers;
  }
}
