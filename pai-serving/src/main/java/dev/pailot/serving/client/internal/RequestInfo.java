package dev.pailot.serving.client.internal;

import dev.pailot.core.error.ErrorDetails;

/**
 * What error messages say about a request: the operation, the service, the endpoint and the request
 * id. Never the token or the body.
 *
 * @param operation the operation
 * @param serviceName the service name
 * @param endpoint the endpoint's display form
 * @param requestId the request id sent in {@code X-Request-Id}
 */
record RequestInfo(Operation operation, String serviceName, String endpoint, String requestId) {
  /** The product name in error details: the data plane of a served model. */
  static final String PRODUCT = "inference";

  /** "chat.completions on service qwen (http://...)": the subject of every message. */
  String subject() {
    return operation.tag() + " on service " + serviceName + " (" + endpoint + ")";
  }

  ErrorDetails details(String code, String serviceMessage, int status, boolean retryable) {
    return new ErrorDetails(
        PRODUCT, operation.tag(), requestId, code, serviceMessage, null, status, retryable, 1);
  }
}
