package dev.pailot.core.network.internal;

import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import java.util.List;

/**
 * What the Describe calls found for one spec. Children are read only when exactly one managed VPC
 * (or group) matches; otherwise their lists are empty.
 *
 * @param vpcs managed VPCs with the spec's name
 * @param vSwitches every vSwitch of the single matching VPC
 * @param securityGroups managed groups with the spec's name in that VPC
 * @param ingressRules inbound rules of the single matching group
 */
public record CloudSnapshot(
    List<Vpc> vpcs,
    List<VSwitch> vSwitches,
    List<SecurityGroup> securityGroups,
    List<Permission> ingressRules) {}
