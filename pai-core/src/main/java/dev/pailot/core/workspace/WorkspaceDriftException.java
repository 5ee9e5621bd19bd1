package dev.pailot.core.workspace;

import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ErrorDetails;
import java.util.List;

/**
 * {@link WorkspaceClient#ensure(WorkspaceSpec)} found datasets that exist under the spec's names
 * but point at different data (URI, source type, property or mount path). Pailot never silently
 * re-points a dataset that jobs may already use, so it stops before creating any dataset; the
 * workspace itself is left as it is. Rename the dataset in the spec, or delete the old one with
 * {@link WorkspaceClient#deleteDataset(String)} and run ensure again.
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class WorkspaceDriftException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final List<Drift> drift;

  /**
   * Creates the exception.
   *
   * @param message what differs and what to do
   * @param drift the differences
   */
  public WorkspaceDriftException(String message, List<Drift> drift) {
    super(message, ErrorDetails.none(), null);
    this.drift = List.copyOf(drift);
  }

  /**
   * The differences that stopped ensure.
   *
   * @return drift
   */
  public List<Drift> drift() {
    return drift;
  }
}
