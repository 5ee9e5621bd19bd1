package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.emulation.ClientTokens;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.emulation.StateJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * In-memory state of the emulated network: VPCs, vSwitches and security groups, plus the client
 * tokens of their creates. VPC and ECS share it because their resources depend on each other (a VPC
 * with security groups cannot be deleted).
 *
 * <p>Thread-safe: every method holds the object's monitor, and {@link #atomically} runs a
 * check-then-act sequence under it (the monitor is re-entrant). Maps keep creation order, which is
 * the order describe calls list resources in. Values are immutable records, so a later persistence
 * layer can snapshot them as they are.
 */
final class NetworkState implements PersistentStore {
  private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
  private final Map<String, VSwitch> vSwitches = new LinkedHashMap<>();
  private final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
  private final ClientTokens tokens = new ClientTokens();

  /**
   * Runs {@code work} under the state's lock.
   *
   * @param work the sequence
   * @param <T> result type
   * @return its result
   */
  synchronized <T> T atomically(Supplier<T> work) {
    return work.get();
  }

  synchronized ClientTokens tokens() {
    return tokens;
  }

  synchronized List<Vpc> vpcs() {
    return List.copyOf(vpcs.values());
  }

  synchronized Optional<Vpc> vpc(String id) {
    return Optional.ofNullable(vpcs.get(id));
  }

  synchronized void putVpc(Vpc vpc) {
    vpcs.put(vpc.id(), vpc);
  }

  synchronized void removeVpc(String id) {
    vpcs.remove(id);
  }

  synchronized List<VSwitch> vSwitches() {
    return List.copyOf(vSwitches.values());
  }

  synchronized List<VSwitch> vSwitchesOf(String vpcId) {
    return vSwitches.values().stream().filter(v -> v.vpcId().equals(vpcId)).toList();
  }

  synchronized Optional<VSwitch> vSwitch(String id) {
    return Optional.ofNullable(vSwitches.get(id));
  }

  synchronized void putVSwitch(VSwitch vSwitch) {
    vSwitches.put(vSwitch.id(), vSwitch);
  }

  synchronized void removeVSwitch(String id) {
    vSwitches.remove(id);
  }

  synchronized List<SecurityGroup> securityGroups() {
    return List.copyOf(securityGroups.values());
  }

  synchronized Optional<SecurityGroup> securityGroup(String id) {
    return Optional.ofNullable(securityGroups.get(id));
  }

  synchronized void putSecurityGroup(SecurityGroup group) {
    securityGroups.put(group.id(), group);
  }

  synchronized void removeSecurityGroup(String id) {
    securityGroups.remove(id);
  }

  @Override
  public String storeName() {
    return "network";
  }

  @Override
  public synchronized JsonNode snapshot() {
    ObjectNode n = StateJson.mapper().createObjectNode();
    n.set("vpcs", StateJson.toTree(vpcs.values()));
    n.set("vSwitches", StateJson.toTree(vSwitches.values()));
    n.set("securityGroups", StateJson.toTree(securityGroups.values()));
    n.set("clientTokens", tokens.snapshot());
    return n;
  }

  @Override
  public synchronized void restore(JsonNode snapshot) {
    vpcs.clear();
    vSwitches.clear();
    securityGroups.clear();
    StateJson.list(snapshot.get("vpcs"), Vpc.class).forEach(v -> vpcs.put(v.id(), v));
    StateJson.list(snapshot.get("vSwitches"), VSwitch.class).forEach(v -> vSwitches.put(v.id(), v));
    StateJson.list(snapshot.get("securityGroups"), SecurityGroup.class)
        .forEach(g -> securityGroups.put(g.id(), g));
    tokens.restore(snapshot.get("clientTokens"));
  }
}
