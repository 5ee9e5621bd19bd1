package dev.pailot.core.network.internal;

import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import dev.pailot.core.network.internal.wire.TagSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads what exists for a spec with Describe calls only. Thread-safe.
 *
 * <p>Server-side filters (name, tag, VPC) are re-checked here: a filter the server ignores must not
 * make Pailot adopt someone else's resource.
 */
public final class CloudReader {
  private final VpcOperations vpcs;
  private final SecurityGroupOperations groups;

  /**
   * Creates the reader.
   *
   * @param vpcs VPC calls
   * @param groups security group calls
   */
  public CloudReader(VpcOperations vpcs, SecurityGroupOperations groups) {
    this.vpcs = vpcs;
    this.groups = groups;
  }

  /**
   * Reads the cloud for a spec.
   *
   * @param spec the spec
   * @return the snapshot
   */
  public CloudSnapshot read(NetworkSpec spec) {
    List<Vpc> found =
        vpcs.managedVpcsNamed(spec.name()).stream()
            .filter(v -> spec.name().equals(v.vpcName()) && managed(v.tags()))
            .toList();
    if (found.size() != 1) {
      return new CloudSnapshot(found, List.of(), List.of(), List.of());
    }
    String vpcId = found.get(0).vpcId();
    List<VSwitch> vSwitches =
        vpcs.vSwitches(vpcId).stream()
            .filter(v -> v.vpcId() == null || vpcId.equals(v.vpcId()))
            .toList();
    String groupName = spec.securityGroup().name();
    List<SecurityGroup> sgs =
        groups.managedGroupsNamed(vpcId, groupName).stream()
            .filter(g -> groupName.equals(g.securityGroupName()) && managed(g.tags()))
            .filter(g -> g.vpcId() == null || vpcId.equals(g.vpcId()))
            .toList();
    List<Permission> rules =
        sgs.size() != 1
            ? List.of()
            : groups.ingressRules(sgs.get(0).securityGroupId()).stream()
                .filter(CloudReader::isIngress)
                .toList();
    return new CloudSnapshot(found, vSwitches, sgs, rules);
  }

  private static boolean managed(TagSet tags) {
    // Absent tags mean the response did not report them; the server-side tag filter decided.
    return tags == null
        || tags.tag() == null
        || TagSet.has(tags, NetworkSpec.MANAGED_BY_KEY, NetworkSpec.MANAGED_BY_VALUE);
  }

  private static boolean isIngress(Permission p) {
    return p.direction() == null
        || p.direction().isEmpty()
        || p.direction().toLowerCase(Locale.ROOT).equals("ingress");
  }
}
