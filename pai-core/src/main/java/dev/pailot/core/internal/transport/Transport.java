package dev.pailot.core.internal.transport;

/**
 * Sends one attempt of a control-plane request, signed with {@code ACS3-HMAC-SHA256}, and maps a
 * failed response to a {@link dev.pailot.core.error.PaiException}. Retries, listeners and metrics
 * live above it in {@link CallPipeline}. Implementations are thread-safe.
 */
public interface Transport extends AutoCloseable {
  /**
   * Sends one attempt.
   *
   * @param request the request
   * @return the 2xx response
   * @throws dev.pailot.core.error.PaiException on any failure, already classified
   */
  ApiResponse send(ApiRequest request);

  @Override
  default void close() {}
}
