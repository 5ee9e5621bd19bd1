package dev.pailot.testkit.localpai.internal.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.emulation.StateJson;
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
final class WorkspaceState implements PersistentStore {
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

  @Override
  public String storeName() {
    return "aiworkspace";
  }

  @Override
  public synchronized JsonNode snapshot() {
    ObjectNode n = StateJson.mapper().createObjectNode();
    n.put("nextWorkspaceId", nextWorkspaceId);
    n.set("workspaces", StateJson.toTree(workspaces.values()));
    n.set("datasets", StateJson.toTree(datasets.values()));
    return n;
  }

  @Override
  public synchronized void restore(JsonNode snapshot) {
    workspaces.clear();
    datasets.clear();
    nextWorkspaceId = snapshot.path("nextWorkspaceId").asLong(10001);
    StateJson.list(snapshot.get("workspaces"), Workspace.class)
        .forEach(w -> workspaces.put(w.id(), w));
    StateJson.list(snapshot.get("datasets"), Dataset.class).forEach(d -> datasets.put(d.id(), d));
  }
}
