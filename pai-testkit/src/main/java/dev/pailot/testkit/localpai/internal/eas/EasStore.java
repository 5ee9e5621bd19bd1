package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every emulated EAS service and service group of the region. Thread-safe: every method holds the
 * monitor, and {@link #atomically} runs check-then-act sequences under it. Reads advance lifecycle
 * transitions first, so a read always sees the status that is due. Persisted as {@code
 * eas-services} (replicas are not saved: a restored service starts new replicas from its stored
 * spec).
 */
public final class EasStore implements PersistentStore {
  private final Map<String, EasService> services = new LinkedHashMap<>();
  private final Map<String, ServiceGroup> groups = new LinkedHashMap<>();
  private final ServiceLifecycle lifecycle;
  private final Autoscaler autoscaler;

  EasStore(ServiceLifecycle lifecycle, Autoscaler autoscaler) {
    this.lifecycle = lifecycle;
    this.autoscaler = autoscaler;
  }

  synchronized <T> T atomically(Supplier<T> work) {
    return work.get();
  }

  /** A service, advanced to now; empty if it does not exist (or its deletion has finished). */
  synchronized Optional<EasService> service(String name) {
    EasService s = services.get(name);
    if (s != null && lifecycle.advance(s)) {
      services.remove(name);
      dropEmptyGroups();
      return Optional.empty();
    }
    return Optional.ofNullable(s);
  }

  /** Every service, advanced to now, in creation order. */
  synchronized List<EasService> services() {
    advanceAll();
    return List.copyOf(services.values());
  }

  synchronized boolean contains(String name) {
    return services.containsKey(name);
  }

  synchronized void put(EasService s) {
    services.put(s.name, s);
  }

  synchronized Optional<ServiceGroup> group(String name) {
    advanceAll();
    return Optional.ofNullable(groups.get(name));
  }

  synchronized List<ServiceGroup> groups() {
    advanceAll();
    return List.copyOf(groups.values());
  }

  /** The group, created implicitly (or explicitly) if it does not exist. */
  synchronized ServiceGroup ensureGroup(String name, boolean explicit, Supplier<String> token) {
    return groups.computeIfAbsent(
        name, n -> new ServiceGroup(n, token.get(), lifecycle.emulation().now(), explicit));
  }

  synchronized void removeGroup(String name) {
    groups.remove(name);
  }

  /** The services whose current version names the group, deleted ones excluded. */
  synchronized List<EasService> members(String group) {
    List<EasService> out = new ArrayList<>();
    for (EasService s : services.values()) {
      if (!s.deleting() && s.group().filter(group::equals).isPresent()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Drops implicit groups without members: EAS deletes a group with its last service. */
  synchronized void dropEmptyGroups() {
    groups.values().removeIf(g -> !g.explicit && members(g.name).isEmpty());
  }

  /** One evaluation round: due transitions, then autoscalers. */
  synchronized void tick() {
    advanceAll();
    for (EasService s : services.values()) {
      autoscaler.evaluate(s);
    }
  }

  private void advanceAll() {
    boolean removed = false;
    for (Iterator<EasService> it = services.values().iterator(); it.hasNext(); ) {
      if (lifecycle.advance(it.next())) {
        it.remove();
        removed = true;
      }
    }
    if (removed) {
      dropEmptyGroups();
    }
  }

  /** Closes every replica (LocalPai is shutting down). */
  synchronized void closeReplicas() {
    for (EasService s : services.values()) {
      s.replicas.forEach(Replica::close);
      s.replicas.clear();
    }
  }

  @Override
  public String storeName() {
    return "eas-services";
  }

  @Override
  public synchronized JsonNode snapshot() {
    advanceAll();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    var list = root.putArray("services");
    services.values().forEach(s -> list.add(StoreSnapshot.write(s)));
    var groupList = root.putArray("groups");
    groups.values().forEach(g -> groupList.add(StoreSnapshot.write(g)));
    return root;
  }

  @Override
  public synchronized void restore(JsonNode snapshot) {
    closeReplicas();
    services.clear();
    groups.clear();
    for (JsonNode g : snapshot.path("groups")) {
      ServiceGroup group = StoreSnapshot.readGroup(g);
      groups.put(group.name, group);
    }
    for (JsonNode n : snapshot.path("services")) {
      EasService s = StoreSnapshot.readService(n, autoscaler);
      if (!s.deleting()) {
        services.put(s.name, s);
        StoreSnapshot.resume(s, lifecycle);
      }
    }
    dropEmptyGroups();
  }
}
