package dev.pailot.core.internal.transport;

import dev.pailot.core.Product;

/**
 * Describes one control-plane API operation: product, action, HTTP method, path template and
 * whether sending it twice is harmless. Creates are idempotent only when they carry a {@code
 * ClientToken}; {@link ApiRequest} decides that per request.
 *
 * @param product product (gives version and style)
 * @param action API action, sent as {@code x-acs-action}
 * @param method HTTP method
 * @param pathTemplate path with {@code {Name}} placeholders; {@code /} for RPC
 * @param idempotent whether a retry after a transient failure is safe
 */
public record Operation(
    Product product, String action, String method, String pathTemplate, boolean idempotent) {

  /**
   * A ROA operation.
   *
   * @param product product
   * @param action action
   * @param method HTTP method
   * @param pathTemplate path template, e.g. {@code /api/v1/workspaces/{WorkspaceId}}
   * @param idempotent whether retrying is safe
   * @return the descriptor
   */
  public static Operation roa(
      Product product, String action, String method, String pathTemplate, boolean idempotent) {
    return new Operation(product, action, method, pathTemplate, idempotent);
  }

  /**
   * An RPC operation: {@code POST /} with every parameter in the query string, as the official
   * clients send it.
   *
   * @param product product
   * @param action action
   * @param idempotent whether retrying is safe (reads; creates only with a ClientToken)
   * @return the descriptor
   */
  public static Operation rpc(Product product, String action, boolean idempotent) {
    return new Operation(product, action, "POST", "/", idempotent);
  }
}
