package dev.pailot.core.network.internal;

import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkPlan;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan plus the typed facts apply needs: which resources exist (with their ids and states) and
 * which rules are missing.
 *
 * @param plan the public plan
 * @param vpc the single matching VPC, if any
 * @param existingVSwitches spec vSwitches that exist, with what the cloud reported
 * @param securityGroup the single matching group, if any
 * @param missingRules spec rules the group lacks (all of them when the group is missing)
 */
public record NetworkDiff(
    NetworkPlan plan,
    Optional<Vpc> vpc,
    Map<VSwitchSpec, VSwitch> existingVSwitches,
    Optional<SecurityGroup> securityGroup,
    List<IngressRule> missingRules) {}
