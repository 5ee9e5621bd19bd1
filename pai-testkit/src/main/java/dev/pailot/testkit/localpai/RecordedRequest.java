package dev.pailot.testkit.localpai;

import dev.pailot.core.Product;
import java.time.Instant;
import java.util.Map;

/**
 * One control-plane request LocalPai answered, as recorded in its {@link RequestLog}. Holds no
 * headers and no body, so no credential or token can leak through it.
 *
 * @param time when the request arrived
 * @param product the product named by {@code x-acs-version}, or {@code null} if unknown
 * @param action the API action (for ROA: the operation matched by method and path), or {@code null}
 *     if none matched
 * @param method HTTP method
 * @param path the path as received
 * @param query decoded query parameters and form-body fields (for RPC: every API parameter)
 * @param status HTTP status of the answer
 * @param errorCode the error code answered, or {@code null} on success
 * @param requestId the {@code RequestId} answered
 */
public record RecordedRequest(
    Instant time,
    Product product,
    String action,
    String method,
    String path,
    Map<String, String> query,
    int status,
    String errorCode,
    String requestId) {

  /** Copies the query so that the record is immutable. */
  public RecordedRequest {
    query = Map.copyOf(query);
  }

  /**
   * Whether LocalPai answered with a 2xx status.
   *
   * @return success
   */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
