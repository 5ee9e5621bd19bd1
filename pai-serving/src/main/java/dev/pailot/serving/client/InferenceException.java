package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;

/**
 * Root of the failures specific to the inference client: a broken answer ({@link
 * InferenceResponseException}), a timeout ({@link InferenceTimeoutException}), or a rejection by
 * the client's own admission stage ({@link AdmissionRejectedException}).
 *
 * <p>Failures that mean the same on the data plane as on the control plane are pai-core's types, so
 * one {@code catch} handles both: {@link dev.pailot.core.error.AuthenticationException} (HTTP 401 /
 * 403, a wrong EAS token), {@link dev.pailot.core.error.ThrottlingException} (HTTP 429, with the
 * {@code Retry-After} hint), {@link dev.pailot.core.error.ValidationException} (invalid requests,
 * caught at the builder or answered 400 / 422), {@link
 * dev.pailot.core.error.ResourceNotFoundException} (HTTP 404: unknown model or path), and {@link
 * EndpointUnavailableException} / {@link ServiceNotReadyException}, which extend {@link
 * dev.pailot.core.error.ServiceUnavailableException}.
 *
 * <p>Messages name the operation, the service and endpoint, and what to do; they never contain the
 * token, request bodies or generated text. Thread-safe and immutable once thrown.
 */
public class InferenceException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the endpoint reported; {@code product} is {@code "inference"} and {@code
   *     action} the operation, e.g. {@code chat.completions}
   * @param cause underlying cause, or {@code null}
   */
  public InferenceException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
