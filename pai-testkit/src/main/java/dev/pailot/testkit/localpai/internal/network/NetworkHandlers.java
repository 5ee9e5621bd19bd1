package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.util.List;

/** Creates the VPC and ECS handlers over one shared network state. */
public final class NetworkHandlers {
  private NetworkHandlers() {}

  /**
   * The VPC and ECS handlers.
   *
   * @param emulation shared emulation context
   * @param stores receives the product's persistent store
   * @return handlers for {@code Product.VPC} and {@code Product.ECS}
   */
  public static List<ProductHandler> create(Emulation emulation, List<PersistentStore> stores) {
    NetworkState state = new NetworkState();
    stores.add(state);
    return List.of(new VpcHandler(emulation, state), new EcsHandler(emulation, state));
  }
}
