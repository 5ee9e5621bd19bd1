package dev.pailot.core.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The desired network of a PAI workload, as plain data: one VPC, its vSwitches, and one security
 * group with inbound rules. {@link NetworkClient} plans and applies it.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.builder()
 *     .name("pailot-prod")
 *     .cidrBlock("10.0.0.0/16")
 *     .putTags("team", "ml")
 *     .addVSwitches(VSwitchSpec.of("cn-shanghai-b", "10.0.1.0/24", "pailot-prod-b"))
 *     .securityGroup(SecurityGroupSpec.builder()
 *         .name("pailot-prod-sg")
 *         .addIngressRules(IngressRule.tcp(8080, "10.0.0.0/8"))
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>The VPC is found in the cloud by {@link #name()} and the tag {@code managed-by=pailot}, which
 * {@code build()} always adds to {@link #tags()}; every resource is created with all the tags.
 *
 * <p>{@code build()} validates everything before any network call and throws {@link
 * ValidationException} naming the field ({@code cidrBlock}, {@code vSwitches[1].cidrBlock}, {@code
 * securityGroup.ingressRules[0].sourceCidr}, ...) and the fix: invalid blocks, a VPC mask outside
 * /8-/28, vSwitch blocks outside /16-/29, outside the VPC or overlapping, duplicate zone and name,
 * empty names, and ingress from {@code 0.0.0.0/0} or {@code ::/0} unless {@link
 * #allowPublicIngress()}.
 *
 * <p>Immutable and thread-safe. JSON round trip: {@link #toJson()} / {@link #fromJson(String)}, or
 * any Jackson {@code ObjectMapper} ({@code mapper.readValue(json, NetworkSpec.class)}; validation
 * failures then arrive wrapped in Jackson's {@code ValueInstantiationException}).
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableNetworkSpec.class)
@JsonDeserialize(as = ImmutableNetworkSpec.class)
public abstract class NetworkSpec {
  /** Tag key marking resources that Pailot manages. */
  public static final String MANAGED_BY_KEY = "managed-by";

  /** Tag value marking resources that Pailot manages. */
  public static final String MANAGED_BY_VALUE = "pailot";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The VPC name, also the natural prefix for the other names, e.g. {@code pailot-prod}. 1 to 128
   * characters.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The VPC's IPv4 block, mask /8 to /28, e.g. {@code 10.0.0.0/16}. RFC 1918 blocks are
   * recommended.
   *
   * @return block
   */
  public abstract String cidrBlock();

  /**
   * Tags put on every created resource; always contains {@code managed-by=pailot}. At most 20, keys
   * up to 128 characters not starting with {@code aliyun} or {@code acs:}.
   *
   * @return tags
   */
  public abstract Map<String, String> tags();

  /**
   * The vSwitches, at least one.
   *
   * @return vSwitches
   */
  public abstract List<VSwitchSpec> vSwitches();

  /**
   * The security group.
   *
   * @return security group
   */
  public abstract SecurityGroupSpec securityGroup();

  /**
   * Whether ingress rules may admit the whole internet ({@code 0.0.0.0/0} or {@code ::/0}). Default
   * {@code false}: such rules fail validation.
   *
   * @return whether public ingress is allowed
   */
  @Value.Default
  public boolean allowPublicIngress() {
    return false;
  }

  /**
   * The parsed VPC block.
   *
   * @return block
   */
  public Cidr cidr() {
    return Cidr.parse(cidrBlock());
  }

  /**
   * This spec as JSON, e.g. for a portal to store and diff.
   *
   * @return JSON text
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a NetworkSpec is always serialisable", e);
    }
  }

  /**
   * Reads and validates a spec written by {@link #toJson()} (or by hand).
   *
   * @param json JSON text
   * @return the spec
   * @throws ValidationException naming the field, for a spec that fails validation or JSON that is
   *     not a network spec
   */
  public static NetworkSpec fromJson(String json) {
    try {
      return JSON.readValue(json, NetworkSpec.class);
    } catch (JsonProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ValidationException v) {
          throw v;
        }
      }
      throw ValidationException.invalidField(
          "json",
          "is not a network spec (" + e.getOriginalMessage() + ")",
          "write it with NetworkSpec.toJson() or follow docs/network.md");
    }
  }

  /**
   * A new builder; {@code name}, {@code cidrBlock}, at least one vSwitch and {@code securityGroup}
   * are required.
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
  NetworkSpec normalize() {
    SpecRules.checkName("name", name(), 1);
    SpecRules.checkIpv4Block(
        "cidrBlock", cidrBlock(), 8, 28, "use a block from /8 to /28, e.g. 10.0.0.0/16");
    NetworkSpecChecks.checkTags(tags());
    NetworkSpecChecks.checkVSwitches(cidr(), vSwitches());
    NetworkSpecChecks.checkIngress(securityGroup().ingressRules(), allowPublicIngress());
    if (MANAGED_BY_VALUE.equals(tags().get(MANAGED_BY_KEY))) {
      return this;
    }
    return toBuilder().putTags(MANAGED_BY_KEY, MANAGED_BY_VALUE).build();
  }

  /**
   * Builder for {@link NetworkSpec}. Not thread-safe. {@code build()} throws {@link
   * ValidationException} for invalid or missing fields.
   */
  public static final class Builder extends ImmutableNetworkSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the NetworkSpec
     * @throws ValidationException naming the first missing or invalid field
     */
    @Override
    public NetworkSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("", e);
      }
    }
  }
}
