package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;
import java.time.Duration;

/**
 * The EAS gateway answered 503 {@code no healthy upstream}: the service exists but no replica is
 * ready (still deploying, loading the model, scaled to zero, or all replicas crashed). Wait for the
 * service to be {@code Running}, or check its events. Retryable. Thread-safe and immutable once
 * thrown.
 */
public class ServiceNotReadyException extends EndpointUnavailableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the gateway reported
   * @param retryAfter the gateway's wait hint, or {@code null}
   */
  public ServiceNotReadyException(String message, ErrorDetails details, Duration retryAfter) {
    super(message, details, null, retryAfter);
  }
}
