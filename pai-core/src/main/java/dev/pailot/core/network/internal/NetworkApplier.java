package dev.pailot.core.network.internal;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.WaitSettings;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkConflictException;
import dev.pailot.core.network.NetworkPlan;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.NetworkState;
import dev.pailot.core.network.PlannedChange;
import dev.pailot.core.network.PlannedChange.Action;
import dev.pailot.core.network.PlannedChange.ResourceType;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import dev.pailot.core.waiter.Waiter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates what a {@link NetworkDiff} says is missing, in dependency order: VPC (then waits until
 * {@code Available}), each vSwitch (then waits), the security group (then waits until it is
 * visible), and one {@code AuthorizeSecurityGroup} per 100 missing rules. Never deletes anything.
 * One instance per apply; not thread-safe.
 *
 * <p>vSwitches are created one after another, each waited for before the next, so that no create
 * races a VPC that is still being configured.
 */
public final class NetworkApplier {
  private static final String AVAILABLE = "Available";

  private final VpcOperations vpcs;
  private final SecurityGroupOperations groups;
  private final ClientTokens tokens;
  private final WaitSettings wait;
  private final NetworkSpec spec;
  private final ApplyProgress progress;
  private final List<PlannedChange> done = new ArrayList<>();

  /**
   * Creates an applier for one spec.
   *
   * @param runtime the shared runtime (progress events)
   * @param vpcs VPC calls
   * @param groups security group calls
   * @param tokens client token deriver
   * @param wait wait settings
   * @param spec the spec being applied
   */
  public NetworkApplier(
      PaiRuntime runtime,
      VpcOperations vpcs,
      SecurityGroupOperations groups,
      ClientTokens tokens,
      WaitSettings wait,
      NetworkSpec spec) {
    this.vpcs = vpcs;
    this.groups = groups;
    this.tokens = tokens;
    this.wait = wait;
    this.spec = spec;
    this.progress = new ApplyProgress(runtime, spec.name());
  }

  /**
   * Applies a diff of this applier's spec.
   *
   * @param diff a fresh diff of the spec
   * @return the resulting state
   * @throws NetworkConflictException when the diff has conflicts; nothing is created then
   */
  public NetworkState apply(NetworkDiff diff) {
    NetworkPlan plan = diff.plan();
    if (plan.hasConflicts()) {
      throw new NetworkConflictException(plan);
    }
    String vpcId = ensureVpc(diff.vpc());
    Map<String, String> vSwitchIds = new LinkedHashMap<>();
    for (VSwitchSpec v : spec.vSwitches()) {
      String id = ensureVSwitch(vpcId, v, Optional.ofNullable(diff.existingVSwitches().get(v)));
      vSwitchIds.put(v.zoneId() + "/" + v.name(), id);
    }
    String groupId = ensureGroup(vpcId, diff.securityGroup());
    authorize(groupId, diff.missingRules(), plan);
    reportDrift(plan.drift());
    return NetworkState.builder()
        .networkName(spec.name())
        .region(plan.region())
        .vpcId(vpcId)
        .vSwitchIds(vSwitchIds)
        .securityGroupId(groupId)
        .changes(done)
        .build();
  }

  private String ensureVpc(Optional<Vpc> existing) {
    String resource = "vpc/" + spec.name();
    String id;
    if (existing.isPresent()) {
      id = existing.get().vpcId();
      unchanged(resource, id, Changes.vpc(spec, Action.UNCHANGED, id));
      if (AVAILABLE.equals(existing.get().status())) {
        return id;
      }
    } else {
      progress.emit(ApplyProgress.CREATING, resource, "Creating VPC " + spec.name());
      id = vpcs.createVpc(spec, tokens.vpc(spec.name(), spec.cidrBlock()));
      created(resource, id, Changes.vpc(spec, Action.CREATE, id));
    }
    String vpcId = id;
    awaitAvailable(resource, id, () -> vpcs.vpc(vpcId).map(Vpc::status));
    return id;
  }

  private String ensureVSwitch(String vpcId, VSwitchSpec v, Optional<VSwitch> existing) {
    String resource = Changes.resource(v);
    String id;
    if (existing.isPresent()) {
      id = existing.get().vSwitchId();
      unchanged(resource, id, Changes.vSwitch(v, Action.UNCHANGED, id));
      if (AVAILABLE.equals(existing.get().status())) {
        return id;
      }
    } else {
      progress.emit(ApplyProgress.CREATING, resource, "Creating vSwitch " + v.name());
      String token = tokens.vSwitch(vpcId, v.zoneId(), v.name(), v.cidrBlock());
      id = vpcs.createVSwitch(vpcId, v, spec.tags(), token);
      created(resource, id, Changes.vSwitch(v, Action.CREATE, id));
    }
    String vSwitchId = id;
    awaitAvailable(resource, id, () -> vpcs.vSwitch(vpcId, vSwitchId).map(VSwitch::status));
    return id;
  }

  private String ensureGroup(String vpcId, Optional<SecurityGroup> existing) {
    String name = spec.securityGroup().name();
    String resource = "security-group/" + name;
    if (existing.isPresent()) {
      String id = existing.get().securityGroupId();
      unchanged(resource, id, Changes.group(spec.securityGroup(), Action.UNCHANGED, id));
      return id;
    }
    progress.emit(ApplyProgress.CREATING, resource, "Creating security group " + name);
    String token = tokens.securityGroup(vpcId, name);
    String id = groups.create(vpcId, spec.securityGroup(), spec.tags(), token);
    created(resource, id, Changes.group(spec.securityGroup(), Action.CREATE, id));
    // Security groups have no status; wait until reads see it so that Authorize finds it.
    awaitAvailable(resource, id, () -> groups.group(id).map(g -> AVAILABLE));
    return id;
  }

  private void authorize(String groupId, List<IngressRule> missing, NetworkPlan plan) {
    int max = SecurityGroupOperations.MAX_PERMISSIONS_PER_CALL;
    for (int from = 0; from < missing.size(); from += max) {
      List<IngressRule> batch = missing.subList(from, Math.min(missing.size(), from + max));
      List<RuleIdentity> ids = batch.stream().map(RuleIdentity::of).toList();
      for (RuleIdentity id : ids) {
        progress.emit(
            ApplyProgress.CREATING, "ingress/" + id.render(), "Authorizing " + id.render());
      }
      groups.authorize(groupId, batch, tokens.authorize(groupId, ids));
      for (RuleIdentity id : ids) {
        progress.emit(ApplyProgress.CREATED, "ingress/" + id.render(), "Authorized " + id.render());
      }
    }
    for (PlannedChange c : plan.changes()) {
      if (c.resourceType() == ResourceType.INGRESS_RULE && c.action() != Action.DRIFT) {
        if (c.action() == Action.UNCHANGED) {
          progress.emit(ApplyProgress.UNCHANGED, "ingress/" + c.name(), c.name() + " is present");
        }
        done.add(c);
      }
    }
  }

  private void reportDrift(List<PlannedChange> drift) {
    for (PlannedChange d : drift) {
      String resource = d.resourceType().label() + "/" + d.name();
      Map<String, String> attrs = d.resourceId().map(id -> Map.of("id", id)).orElse(Map.of());
      progress.emit(ApplyProgress.DRIFT, resource, d.render(), attrs);
      done.add(d);
    }
  }

  private void created(String resource, String id, PlannedChange change) {
    progress.emit(ApplyProgress.CREATED, resource, "Created " + resource + " as " + id, id);
    done.add(change);
  }

  private void unchanged(String resource, String id, PlannedChange change) {
    progress.emit(ApplyProgress.UNCHANGED, resource, resource + " exists as " + id, id);
    done.add(change);
  }

  private void awaitAvailable(String resource, String id, Supplier<Optional<String>> status) {
    progress.emit(ApplyProgress.WAITING, resource, "Waiting for " + id + " to be Available", id);
    Waiter.<String>builder(resource + " (" + id + ") Available")
        .poll(() -> status.get().orElse("NotYetVisible"))
        .state(s -> s)
        .until(AVAILABLE::equals)
        .tolerate(ResourceNotFoundException.class)
        .delays(wait.minDelay(), wait.maxDelay())
        .timeout(wait.timeout())
        .onPoll(
            p -> {
              String phase = p.done() ? ApplyProgress.AVAILABLE : ApplyProgress.WAITING;
              String msg = p.done() ? id + " is Available" : id + " is " + p.state();
              progress.emit(
                  phase,
                  resource,
                  msg,
                  Map.of("id", id, "state", p.state(), "polls", "" + p.polls()));
            })
        .build()
        .await();
  }
}
