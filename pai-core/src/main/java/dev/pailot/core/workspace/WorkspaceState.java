package dev.pailot.core.workspace;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What {@link WorkspaceClient#ensure(WorkspaceSpec)} left in PAI: the workspace ({@link
 * WorkspaceStatus#ENABLED}), its datasets in spec order, which of them this call created, and any
 * drift it found and left alone. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class WorkspaceState {
  /**
   * The workspace, enabled.
   *
   * @return workspace
   */
  public abstract Workspace workspace();

  /**
   * Whether this call created the workspace ({@code false}: it already existed). A workspace found
   * by name after an ambiguous create failure counts as created.
   *
   * @return {@code true} if created
   */
  public abstract boolean workspaceCreated();

  /**
   * The spec's datasets, in spec order.
   *
   * @return datasets
   */
  public abstract List<Dataset> datasets();

  /**
   * Names of the datasets this call created; the others already existed.
   *
   * @return created dataset names
   */
  public abstract Set<String> createdDatasets();

  /**
   * Workspace attributes that differ from the spec (display name, description, environment types).
   * Pailot does not update them; dataset drift fails {@code ensure} instead, see {@link
   * WorkspaceDriftException}.
   *
   * @return drift, empty when the workspace matches
   */
  public abstract List<Drift> drift();

  /**
   * Finds one of the datasets by name.
   *
   * @param name dataset name
   * @return the dataset, if it is in the spec
   */
  public Optional<Dataset> dataset(String name) {
    return datasets().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * Whether this call changed anything in PAI.
   *
   * @return {@code true} if the workspace or a dataset was created
   */
  public boolean changed() {
    return workspaceCreated() || !createdDatasets().isEmpty();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link WorkspaceState}. Not thread-safe. */
  public static final class Builder extends ImmutableWorkspaceState.Builder {
    Builder() {}
  }
}
