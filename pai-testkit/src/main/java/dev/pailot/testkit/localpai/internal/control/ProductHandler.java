package dev.pailot.testkit.localpai.internal.control;

import dev.pailot.core.Product;
import java.util.Optional;

/**
 * Serves some operations of one product. {@link ControlPlane} picks the product from {@code
 * x-acs-version}, then asks that product's handlers in turn to {@link #resolve} the request; a
 * product may have several handlers (AIWorkspace: workspaces and datasets).
 *
 * <p>To add a product (e.g. DLC): implement this interface with {@link RpcActions} (RPC, by {@code
 * x-acs-action}) or {@link RoaRoutes} (ROA, by method and path), keep state in a thread-safe store,
 * and add the handler to the list {@code LocalPai} passes to {@link ControlPlane}. Handlers run on
 * Netty event-loop threads: they must not block.
 */
public interface ProductHandler {
  /**
   * The product served.
   *
   * @return product
   */
  Product product();

  /**
   * Finds the operation for a request.
   *
   * @param request the request
   * @return the operation, or empty if this handler does not serve it
   */
  Optional<ResolvedOperation> resolve(ControlRequest request);
}
