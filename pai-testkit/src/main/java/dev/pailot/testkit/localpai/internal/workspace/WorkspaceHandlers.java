package dev.pailot.testkit.localpai.internal.workspace;

import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.util.List;

/** Creates the AIWorkspace handlers (workspaces, datasets) over one shared state. */
public final class WorkspaceHandlers {
  private WorkspaceHandlers() {}

  /**
   * The AIWorkspace handlers.
   *
   * @param emulation shared emulation context
   * @return handlers for {@code Product.AIWORKSPACE}
   */
  public static List<ProductHandler> create(Emulation emulation) {
    WorkspaceState state = new WorkspaceState();
    return List.of(new WorkspaceHandler(emulation, state), new DatasetHandler(emulation, state));
  }
}
