package dev.pailot.observability.promql;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;

/**
 * Prometheus answered a query with {@code "status": "error"}: {@link #errorType()} is its {@code
 * errorType} ({@code bad_data} for a PromQL syntax error, {@code execution}, {@code timeout},
 * {@code canceled}, {@code unavailable}, {@code internal}) and {@link #error()} its message. {@code
 * timeout} and {@code unavailable} are {@link #retryable()}.
 */
public class PromQlException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final String error;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param errorType Prometheus's {@code errorType}
   * @param error Prometheus's {@code error}
   * @param details status and retryability
   */
  public PromQlException(String message, String errorType, String error, ErrorDetails details) {
    super(message, details, null);
    this.errorType = errorType;
    this.error = error;
  }

  /**
   * Prometheus's {@code errorType}, e.g. {@code bad_data}.
   *
   * @return the type
   */
  public String errorType() {
    return errorType;
  }

  /**
   * Prometheus's {@code error} text, e.g. {@code 1:5: parse error: unexpected ...}.
   *
   * @return the text
   */
  public String error() {
    return error;
  }
}
