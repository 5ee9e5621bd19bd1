package dev.pailot.serving.client.internal;

import dev.pailot.core.error.ErrorDetails;

/**
 * What error messages say about a request: the operation, the service, the endpoint and the request
 * id. Never the token or the body.
 *
 * @param operation the operation
 * @param serviceName the service name
 * @param endpoint the display form of the endpoint of the current (or last) attempt
 * @param requestId the request id sent in {@code X-Request-Id}
 * @param attempt HTTP attempts made so far, the current one included (0 before the first)
 */
record RequestInfo(
    Operation operation, String serviceName, String endpoint, String requestId, int attempt) {
  /** The product name in error details: the data plane of a served model. */
  static final String PRODUCT = "inference";

  /** The same request on attempt {@code n} to {@code endpointDisplay}. */
  RequestInfo at(String endpointDisplay, int n) {
    return new RequestInfo(operation, serviceName, endpointDisplay, requestId, n);
  }

  /** "chat.completions on service qwen (http://...)": the subject of every message. */
  String subject() {
    return operation.tag()
        + " on service "
        + serviceName
        + " ("
        + endpoint
        + (attempt > 1 ? ", attempt " + attempt : "")
        + ")";
  }

  ErrorDetails details(String code, String serviceMessage, int status, boolean retryable) {
    return new ErrorDetails(
        PRODUCT,
        operation.tag(),
        requestId,
        code,
        serviceMessage,
        null,
        status,
        retryable,
        Math.max(1, attempt));
  }
}
