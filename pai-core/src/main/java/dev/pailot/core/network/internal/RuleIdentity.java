package dev.pailot.core.network.internal;

import dev.pailot.core.network.Cidr;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes two ingress rules the same rule for ECS: protocol, port range, source block, policy,
 * priority and NIC type, normalised for case and CIDR spelling. Descriptions are not compared.
 *
 * @param protocol upper-case protocol, e.g. {@code TCP}
 * @param portRange e.g. {@code 22/22} or {@code -1/-1}
 * @param source source block
 * @param policy {@code accept} or {@code drop}
 * @param priority 1 to 100
 * @param nicType {@code intranet} or {@code internet}
 */
public record RuleIdentity(
    String protocol, String portRange, Cidr source, String policy, int priority, String nicType) {

  /**
   * The identity of a spec rule.
   *
   * @param rule the rule
   * @return identity
   */
  public static RuleIdentity of(IngressRule rule) {
    return new RuleIdentity(
        rule.protocol().name(),
        rule.portRange(),
        rule.source(),
        rule.policy().wireValue(),
        rule.priority(),
        rule.nicType());
  }

  /**
   * The identity of a rule ECS reported, if its source is an address block (rules whose source is
   * another group or a prefix list have none).
   *
   * @param p the reported rule
   * @return identity, or empty
   */
  public static Optional<RuleIdentity> of(Permission p) {
    String cidr = nonEmpty(p.sourceCidrIp()) ? p.sourceCidrIp() : p.ipv6SourceCidrIp();
    if (!nonEmpty(cidr)) {
      return Optional.empty();
    }
    Cidr source;
    try {
      source = Cidr.parseLenient(cidr);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleIdentity(
            lower(p.ipProtocol(), "all").toUpperCase(Locale.ROOT),
            nonEmpty(p.portRange()) ? p.portRange().trim() : "-1/-1",
            source,
            lower(p.policy(), "accept"),
            priority(p.priority()),
            lower(p.nicType(), "intranet")));
  }

  /**
   * Human-readable form, e.g. {@code TCP 22/22 from 0.0.0.0/0}.
   *
   * @return text
   */
  public String render() {
    return protocol + " " + portRange + " from " + source;
  }

  /**
   * The policy and priority, e.g. {@code accept, priority 1, intranet}.
   *
   * @return text
   */
  public String attributes() {
    return policy + ", priority " + priority + ", " + nicType;
  }

  private static int priority(String s) {
    try {
      return nonEmpty(s) ? Integer.parseInt(s.trim()) : 1;
    } catch (NumberFormatException e) {
      return 1; // ECS's default; an unreadable value is then reported as drift, never fatal
    }
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isBlank();
  }

  private static String lower(String s, String dflt) {
    return nonEmpty(s) ? s.trim().toLowerCase(Locale.ROOT) : dflt;
  }
}
