package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.util.List;

/** Creates the VPC and ECS handlers over one shared network state. */
public final class NetworkHandlers {
  private NetworkHandlers() {}

  /**
   * The VPC and ECS handlers.
   *
   * @param emulation shared emulation context
   * @return handlers for {@code Product.VPC} and {@code Product.ECS}
   */
  public static List<ProductHandler> create(Emulation emulation) {
    NetworkState state = new NetworkState();
    return List.of(new VpcHandler(emulation, state), new EcsHandler(emulation, state));
  }
}
