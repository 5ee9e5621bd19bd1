package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One inbound rule of a security group, as ECS {@code AuthorizeSecurityGroup} takes it: protocol,
 * port range, source block, policy, priority and NIC type.
 *
 * <pre>{@code
 * IngressRule http = IngressRule.tcp(8080, "10.0.0.0/8");
 * IngressRule ping = IngressRule.builder()
 *     .protocol(IngressRule.Protocol.ICMP).sourceCidr("10.0.0.0/8").build();
 * }</pre>
 *
 * <p>Two rules are the same rule when protocol, port range, source, policy, priority and NIC type
 * match; the description is not compared. Immutable and thread-safe; plain data (JSON round trip
 * with Jackson). {@code build()} throws {@link ValidationException} naming the field for a bad port
 * range, priority, NIC type or source block.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableIngressRule.class)
@JsonDeserialize(as = ImmutableIngressRule.class)
public abstract class IngressRule {
  private static final Pattern PORTS = Pattern.compile("(-?\\d{1,5})/(-?\\d{1,5})");

  /** The IP protocol of a rule. */
  public enum Protocol {
    /** TCP; needs a port range such as {@code 8080/8080}. */
    TCP,
    /** UDP; needs a port range such as {@code 53/53}. */
    UDP,
    /** ICMP; port range {@code -1/-1}. */
    ICMP,
    /** GRE; port range {@code -1/-1}. */
    GRE,
    /** Every protocol; port range {@code -1/-1}. */
    ALL;

    boolean hasPorts() {
      return this == TCP || this == UDP;
    }
  }

  /** What a rule does with matching traffic. */
  public enum Policy {
    /** Let the traffic in. */
    ACCEPT,
    /** Drop the traffic. */
    DROP;

    /**
     * The wire value, {@code accept} or {@code drop}.
     *
     * @return lower-case name
     */
    public String wireValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The protocol.
   *
   * @return protocol
   */
  public abstract Protocol protocol();

  /**
   * Port range {@code from/to}, e.g. {@code 8080/8080} or {@code 8000/8100}; {@code -1/-1} (the
   * default) for ICMP, GRE and ALL.
   *
   * @return port range
   */
  @Value.Default
  public String portRange() {
    return "-1/-1";
  }

  /**
   * The source block, e.g. {@code 10.0.0.0/8}; IPv6 blocks are sent as {@code Ipv6SourceCidrIp}.
   * {@code 0.0.0.0/0} and {@code ::/0} are refused unless {@link NetworkSpec#allowPublicIngress()}.
   *
   * @return source block in CIDR notation
   */
  public abstract String sourceCidr();

  /**
   * Priority 1 (highest, the default) to 100.
   *
   * @return priority
   */
  @Value.Default
  public int priority() {
    return 1;
  }

  /**
   * Policy. Default {@link Policy#ACCEPT}.
   *
   * @return policy
   */
  @Value.Default
  public Policy policy() {
    return Policy.ACCEPT;
  }

  /**
   * Free-text description, up to 512 characters. Default empty.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * NIC type: {@code intranet} (the default, and the only one for VPC security groups) or {@code
   * internet}.
   *
   * @return NIC type
   */
  @Value.Default
  public String nicType() {
    return "intranet";
  }

  /**
   * The parsed source block.
   *
   * @return source block
   */
  public Cidr source() {
    return Cidr.parse(sourceCidr());
  }

  /**
   * A one-line summary such as {@code TCP 8080/8080 from 10.0.0.0/8}.
   *
   * @return summary
   */
  @Override
  public String toString() {
    return protocol() + " " + portRange() + " from " + sourceCidr();
  }

  /**
   * An accepting TCP rule for one port.
   *
   * @param port port, 1 to 65535
   * @param sourceCidr source block, e.g. {@code 10.0.0.0/8}
   * @return the rule
   * @throws ValidationException for a bad port or block
   */
  public static IngressRule tcp(int port, String sourceCidr) {
    return builder()
        .protocol(Protocol.TCP)
        .portRange(port + "/" + port)
        .sourceCidr(sourceCidr)
        .build();
  }

  /**
   * A new builder. {@code protocol} and {@code sourceCidr} are required.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    checkPorts();
    try {
      source();
    } catch (IllegalArgumentException e) {
      throw ValidationException.invalidField(
          "ingressRule.sourceCidr", e.getMessage(), "use a block such as 10.0.0.0/8");
    }
    if (priority() < 1 || priority() > 100) {
      throw ValidationException.invalidField(
          "ingressRule.priority",
          "must be between 1 and 100, was " + priority(),
          "use 1 (highest) to 100 (lowest)");
    }
    if (!nicType().equals("intranet") && !nicType().equals("internet")) {
      throw ValidationException.invalidField(
          "ingressRule.nicType",
          "\"" + nicType() + "\" is not a NIC type",
          "use intranet (required for VPC security groups) or internet");
    }
    if (description().length() > 512) {
      throw ValidationException.invalidField(
          "ingressRule.description", "is longer than 512 characters", "shorten it");
    }
  }

  private void checkPorts() {
    Matcher m = PORTS.matcher(portRange());
    boolean ok = m.matches();
    if (ok && protocol().hasPorts()) {
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(2));
      ok = from >= 1 && to <= 65535 && from <= to;
    } else if (ok) {
      ok = portRange().equals("-1/-1");
    }
    if (!ok) {
      String fix =
          protocol().hasPorts()
              ? "use from/to with 1 <= from <= to <= 65535, e.g. 8080/8080"
              : "use -1/-1 (the default) for " + protocol();
      throw ValidationException.invalidField(
          "ingressRule.portRange",
          "\"" + portRange() + "\" is not a valid " + protocol() + " port range",
          fix);
    }
  }

  /** Builder for {@link IngressRule}. Not thread-safe. */
  public static final class Builder extends ImmutableIngressRule.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the IngressRule
     * @throws ValidationException naming the first missing or invalid field
     */
    @Override
    public IngressRule build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("ingressRule.", e);
      }
    }
  }
}
