package dev.pailot.testkit.stubs;

import java.util.Objects;

/**
 * One security-group rule as {@code DescribeSecurityGroupAttribute} reports it. Create with {@link
 * Fixtures#ingress} or {@link Fixtures#egress}; immutable and thread-safe.
 *
 * @param securityGroupRuleId e.g. {@code sgr-1}
 * @param direction {@code ingress} or {@code egress}
 * @param ipProtocol {@code TCP}, {@code UDP}, {@code ICMP}, {@code GRE} or {@code ALL}
 * @param portRange e.g. {@code 22/22}; {@code -1/-1} for ICMP/GRE/ALL
 * @param cidrIp source CIDR for ingress, destination CIDR for egress
 * @param policy {@code accept} or {@code drop}
 * @param priority 1 (highest) to 100
 * @param description description, may be empty
 */
public record PermissionFixture(
    String securityGroupRuleId,
    String direction,
    String ipProtocol,
    String portRange,
    String cidrIp,
    String policy,
    int priority,
    String description) {

  /**
   * Validates.
   *
   * @param securityGroupRuleId e.g. {@code sgr-1}
   * @param direction {@code ingress} or {@code egress}
   * @param ipProtocol {@code TCP}, {@code UDP}, {@code ICMP}, {@code GRE} or {@code ALL}
   * @param portRange e.g. {@code 22/22}; {@code -1/-1} for ICMP/GRE/ALL
   * @param cidrIp source CIDR for ingress, destination CIDR for egress
   * @param policy {@code accept} or {@code drop}
   * @param priority 1 (highest) to 100
   * @param description description, may be empty
   */
  public PermissionFixture {
    Objects.requireNonNull(securityGroupRuleId, "securityGroupRuleId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(ipProtocol, "ipProtocol");
    Objects.requireNonNull(portRange, "portRange");
    Objects.requireNonNull(cidrIp, "cidrIp");
    Objects.requireNonNull(policy, "policy");
    description = description == null ? "" : description;
  }

  /**
   * A copy with this rule id.
   *
   * @param id rule id
   * @return copy
   */
  public PermissionFixture withRuleId(String id) {
    return new PermissionFixture(
        id, direction, ipProtocol, portRange, cidrIp, policy, priority, description);
  }

  /**
   * A copy with this description.
   *
   * @param text description
   * @return copy
   */
  public PermissionFixture withDescription(String text) {
    return new PermissionFixture(
        securityGroupRuleId, direction, ipProtocol, portRange, cidrIp, policy, priority, text);
  }
}
