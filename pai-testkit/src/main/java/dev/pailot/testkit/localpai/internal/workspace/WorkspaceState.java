package dev.pailot.testkit.localpai.internal.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * In-memory AIWorkspace state: workspaces and datasets in creation order, and the workspace id
 * counter (AIWorkspace ids are numeric). Thread-safe like the network state: every method holds the
 * monitor and {@link #atomically} runs check-then-act sequences under it.
 */
final class WorkspaceState {
  private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private long nextWorkspaceId = 10001;

  synchronized <T> T atomically(Supplier<T> work) {
    return work.get();
  }

  synchronized String newWorkspaceId() {
    return Long.toString(nextWorkspaceId++);
  }

  synchronized List<Workspace> workspaces() {
    return List.copyOf(workspaces.values());
  }

  synchronized Optional<Workspace> workspace(String id) {
    return Optional.ofNullable(workspaces.get(id));
  }

  synchronized void putWorkspace(Workspace w) {
    workspaces.put(w.id(), w);
  }

  synchronized void removeWorkspace(String id) {
    workspaces.remove(id);
    // Deleting a workspace takes its datasets with it.
    datasets.values().removeIf(d -> d.workspaceId().equals(id));
  }

  synchronized List<Dataset> datasets() {
    return List.copyOf(datasets.values());
  }

  synchronized Optional<Dataset> dataset(String id) {
    return Optional.ofNullable(datasets.get(id));
  }

  synchronized void putDataset(Dataset d) {
    datasets.put(d.id(), d);
  }

  synchronized void removeDataset(String id) {
    datasets.remove(id);
  }
}
