package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Ipv4Cidr;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates one ingress rule ({@code Permissions.N.*} fields) with ECS's error codes:
 * {@code InvalidIpProtocol.Malformed}, {@code OperationDenied} (protocol and port range do not
 * match), {@code InvalidSourceCidrIp.Malformed}, {@code InvalidPolicy.Malformed}, {@code
 * InvalidPriority.Malformed}, {@code InvalidNicType.ValueNotSupported}. Call under the state lock.
 */
final class PermissionParser {
  private static final Pattern PORT_RANGE = Pattern.compile("(-?[0-9]{1,5})/(-?[0-9]{1,5})");

  private final Emulation emulation;
  private final NetworkState state;

  PermissionParser(Emulation emulation, NetworkState state) {
    this.emulation = emulation;
    this.state = state;
  }

  SecurityGroupRule parse(Map<String, String> f, String prefix) {
    for (String unsupported : new String[] {"Ipv6SourceCidrIp", "SourcePrefixListId"}) {
      if (!f.getOrDefault(unsupported, "").isEmpty()) {
        throw ServiceError.invalid(prefix + unsupported, "not supported by LocalPai yet");
      }
    }
    String protocol = required(f, prefix, "IpProtocol").toUpperCase(Locale.ROOT);
    if (!SecurityGroupRules.protocols().contains(protocol)) {
      throw ServiceError.malformed(
          "InvalidIpProtocol.Malformed", prefix + "IpProtocol", "one of TCP, UDP, ICMP, GRE, ALL");
    }
    String portRange = portRange(protocol, required(f, prefix, "PortRange"), prefix);
    String cidr = f.getOrDefault("SourceCidrIp", "");
    String group = f.getOrDefault("SourceGroupId", "");
    if (cidr.isEmpty() && group.isEmpty()) {
      throw new ServiceError(
          400,
          "MissingParameter",
          "The input parameter \""
              + prefix
              + "SourceGroupId\" or \""
              + prefix
              + "SourceCidrIp\" cannot be both blank.");
    }
    if (!cidr.isEmpty()) {
      cidr =
          Ipv4Cidr.parse(cidr, true)
              .map(Ipv4Cidr::toString)
              .orElseThrow(
                  () ->
                      ServiceError.malformed(
                          "InvalidSourceCidrIp.Malformed",
                          prefix + "SourceCidrIp",
                          "an IPv4 address or CIDR block such as 10.0.0.0/8"));
    }
    if (!group.isEmpty() && state.securityGroup(group).isEmpty()) {
      throw ServiceError.notFound(
          "InvalidSourceGroupId.NotFound",
          "The SourceGroupId provided does not exist in our records: " + group + ".");
    }
    return new SecurityGroupRule(
        emulation.newId("sgr-", 20),
        protocol,
        portRange,
        cidr,
        group,
        policy(f.getOrDefault("Policy", "accept"), prefix),
        priority(f.getOrDefault("Priority", "1"), prefix),
        nicType(f.getOrDefault("NicType", "intranet"), prefix),
        description(f.getOrDefault("Description", ""), prefix),
        emulation.now());
  }

  private static String required(Map<String, String> f, String prefix, String field) {
    String v = f.getOrDefault(field, "");
    if (v.isEmpty()) {
      throw ServiceError.missing(prefix + field);
    }
    return v;
  }

  private static String portRange(String protocol, String range, String prefix) {
    Matcher m = PORT_RANGE.matcher(range.trim());
    if (!m.matches()) {
      throw new ServiceError(
          400,
          "InvalidIpProtocol.Malformed",
          "The specified parameter \"" + prefix + "PortRange\" is not valid: use from/to.");
    }
    int from = Integer.parseInt(m.group(1));
    int to = Integer.parseInt(m.group(2));
    boolean ported = protocol.equals("TCP") || protocol.equals("UDP");
    boolean ok = ported ? from >= 1 && from <= to && to <= 65535 : from == -1 && to == -1;
    if (!ok) {
      throw new ServiceError(
          400,
          "OperationDenied",
          "The specified IpProtocol does not exist or IpProtocol and PortRange do not match: "
              + protocol
              + " needs "
              + (ported ? "1..65535 as from/to, e.g. 22/22" : "-1/-1")
              + ".");
    }
    return from + "/" + to;
  }

  private static String policy(String policy, String prefix) {
    return switch (policy.toLowerCase(Locale.ROOT)) {
      case "accept" -> "Accept";
      case "drop" -> "Drop";
      default ->
          throw ServiceError.malformed(
              "InvalidPolicy.Malformed", prefix + "Policy", "accept or drop");
    };
  }

  private static int priority(String priority, String prefix) {
    try {
      int p = Integer.parseInt(priority.trim());
      if (p >= 1 && p <= 100) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ServiceError.malformed(
        "InvalidPriority.Malformed", prefix + "Priority", "an integer from 1 to 100");
  }

  private static String nicType(String nicType, String prefix) {
    if (!nicType.equals("intranet") && !nicType.equals("internet")) {
      throw new ServiceError(
          400,
          "InvalidNicType.ValueNotSupported",
          "The specified NicType does not exist: " + prefix + "NicType must be intranet.");
    }
    // Security groups in a VPC only have intranet rules; ECS ignores "internet" for them.
    return "intranet";
  }

  private static String description(String description, String prefix) {
    if (description.length() > 512
        || description.startsWith("http://")
        || description.startsWith("https://")) {
      throw ServiceError.malformed(
          "InvalidSecurityGroupDiscription.Malformed",
          prefix + "Description",
          "at most 512 characters, not starting with http:// or https://");
    }
    return description;
  }
}
