package dev.pailot.testkit.localpai.internal.control;

/**
 * An operation a {@link ProductHandler} matched for a request.
 *
 * @param action the API action name, e.g. {@code CreateVpc}
 * @param request the request, with ROA path parameters bound
 * @param operation the code to run
 */
public record ResolvedOperation(String action, ControlRequest request, ApiOperation operation) {
  /**
   * Runs the operation.
   *
   * @return response fields
   */
  public com.fasterxml.jackson.databind.node.ObjectNode invoke() {
    return operation.handle(request);
  }
}
