package dev.pailot.testkit.localpai.internal.workspace;

import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.util.List;

/** Creates the AIWorkspace handlers (workspaces, datasets) over one shared state. */
public final class WorkspaceHandlers {
  private WorkspaceHandlers() {}

  /**
   * The AIWorkspace handlers.
   *
   * @param emulation shared emulation context
   * @param stores receives the product's persistent store
   * @return handlers for {@code Product.AIWORKSPACE}
   */
  public static List<ProductHandler> create(Emulation emulation, List<PersistentStore> stores) {
    WorkspaceState state = new WorkspaceState();
    stores.add(state);
    return List.of(new WorkspaceHandler(emulation, state), new DatasetHandler(emulation, state));
  }
}
