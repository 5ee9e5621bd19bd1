package dev.pailot.testkit.localpai.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of one emulated API operation. */
@FunctionalInterface
public interface ApiOperation {
  /**
   * Runs the operation.
   *
   * @param request the request (with path parameters bound for ROA)
   * @return the response fields; {@code RequestId} is added by the caller
   * @throws ServiceError for an error answer
   */
  ObjectNode handle(ControlRequest request);
}
