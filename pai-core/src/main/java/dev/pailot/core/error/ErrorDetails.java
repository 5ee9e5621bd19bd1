package dev.pailot.core.error;

/**
 * What PAI reported about a failed call, as plain data.
 *
 * @param product the product that answered, e.g. {@code pai-dlc}, or {@code null}
 * @param action the API action, e.g. {@code CreateJob}, or {@code null}
 * @param requestId the request id from the response, or {@code null}
 * @param code the error code, or {@code null}
 * @param serviceMessage the message from the error body (never contains secrets), or {@code null}
 * @param recommend the recommendation from the error body, or {@code null}
 * @param httpStatus the HTTP status, or 0 when no response arrived
 * @param retryable whether the call may succeed if retried
 * @param attempts attempts made so far (at least 1 once a call was sent; 0 before)
 */
public record ErrorDetails(
    String product,
    String action,
    String requestId,
    String code,
    String serviceMessage,
    String recommend,
    int httpStatus,
    boolean retryable,
    int attempts)
    implements java.io.Serializable {

  /**
   * Details for a failure that never reached PAI.
   *
   * @return empty details
   */
  public static ErrorDetails none() {
    return new ErrorDetails(null, null, null, null, null, null, 0, false, 0);
  }
}
