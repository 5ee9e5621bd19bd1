package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.emulation.ClientTokens;
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
final class NetworkState {
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
}
