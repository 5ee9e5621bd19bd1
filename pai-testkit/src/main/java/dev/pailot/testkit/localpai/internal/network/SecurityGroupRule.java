package dev.pailot.testkit.localpai.internal.network;

import java.time.Instant;

/**
 * One ingress rule of a security group.
 *
 * @param id {@code sgr-...}
 * @param protocol {@code TCP}, {@code UDP}, {@code ICMP}, {@code GRE} or {@code ALL}
 * @param portRange {@code from/to}; {@code -1/-1} for ICMP, GRE and ALL
 * @param sourceCidrIp source block, or empty when {@code sourceGroupId} is set
 * @param sourceGroupId source security group, or empty
 * @param policy {@code Accept} or {@code Drop}
 * @param priority 1 (first) to 100
 * @param nicType {@code intranet} (VPC groups)
 * @param description description, possibly empty
 * @param createdAt creation time
 */
record SecurityGroupRule(
    String id,
    String protocol,
    String portRange,
    String sourceCidrIp,
    String sourceGroupId,
    String policy,
    int priority,
    String nicType,
    String description,
    Instant createdAt) {

  /**
   * Whether two rules are the same for ECS, which answers a repeated rule as a no-op. Priority and
   * description are not part of a rule's identity (they are changed with Modify, not added again).
   *
   * @param other another rule
   * @return sameness
   */
  boolean sameAs(SecurityGroupRule other) {
    return protocol.equals(other.protocol)
        && portRange.equals(other.portRange)
        && sourceCidrIp.equals(other.sourceCidrIp)
        && sourceGroupId.equals(other.sourceGroupId)
        && policy.equals(other.policy)
        && nicType.equals(other.nicType);
  }
}
