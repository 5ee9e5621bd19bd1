package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Attaches a job's pods to your VPC through an elastic network interface ({@code UserVpc}), so they
 * reach databases, NAS or CPFS in it. The ids typically come from {@code NetworkClient.apply} in
 * {@code pai-core}.
 *
 * <pre>{@code
 * UserVpc vpc = UserVpc.of(network.vpcId(), vSwitchId, network.securityGroupId());
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableUserVpc.class)
@JsonDeserialize(as = ImmutableUserVpc.class)
public abstract class UserVpc {
  private static final Map<String, String> FIXES =
      Map.of(
          "vpcId", "set vpcId(\"vpc-...\")",
          "switchId", "set switchId(\"vsw-...\")",
          "securityGroupId", "set securityGroupId(\"sg-...\")");

  /**
   * The VPC id, {@code vpc-...} ({@code VpcId}). Required.
   *
   * @return VPC id
   */
  public abstract String vpcId();

  /**
   * The vSwitch id, {@code vsw-...} ({@code SwitchId}). Required.
   *
   * @return vSwitch id
   */
  public abstract String switchId();

  /**
   * The security group id, {@code sg-...} ({@code SecurityGroupId}). Required.
   *
   * @return security group id
   */
  public abstract String securityGroupId();

  /**
   * Extra CIDR blocks reachable through the interface ({@code ExtendedCIDRs}).
   *
   * @return CIDR blocks
   */
  public abstract List<String> extendedCidrs();

  /**
   * The default route ({@code DefaultRoute}): {@code eth0} (PAI's gateway) or {@code eth1} (your
   * VPC, e.g. its NAT gateway); DLC's default when unset. General-compute resources only.
   *
   * @return default route
   */
  public abstract Optional<String> defaultRoute();

  /**
   * A VPC attachment.
   *
   * @param vpcId {@code vpc-...}
   * @param switchId {@code vsw-...}
   * @param securityGroupId {@code sg-...}
   * @return the attachment
   * @throws ValidationException if an id is malformed
   */
  public static UserVpc of(String vpcId, String switchId, String securityGroupId) {
    return builder().vpcId(vpcId).switchId(switchId).securityGroupId(securityGroupId).build();
  }

  /**
   * A new builder.
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
    prefixed("vpcId", vpcId(), "vpc-");
    prefixed("switchId", switchId(), "vsw-");
    prefixed("securityGroupId", securityGroupId(), "sg-");
    defaultRoute()
        .filter(r -> !"eth0".equals(r) && !"eth1".equals(r))
        .ifPresent(
            r -> {
              throw ValidationException.invalidField(
                  "defaultRoute",
                  "\"" + r + "\" is not a route",
                  "use eth0 (PAI's gateway) or eth1 (your VPC), or leave it unset");
            });
  }

  private static void prefixed(String field, String id, String prefix) {
    if (!id.startsWith(prefix) || id.length() == prefix.length() || id.contains(" ")) {
      throw ValidationException.invalidField(
          field,
          "\"" + id + "\" is not a " + prefix + "... id",
          "use the id as the console shows it");
    }
  }

  /** Builder for {@link UserVpc}. Not thread-safe. */
  public static final class Builder extends ImmutableUserVpc.Builder {
    Builder() {}

    /**
     * Validates and builds. No network call is made.
     *
     * @return the attachment
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public UserVpc build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("UserVpc", e, FIXES);
      }
    }
  }
}
