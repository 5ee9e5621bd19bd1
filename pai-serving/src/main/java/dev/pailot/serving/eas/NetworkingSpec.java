package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code cloud.networking}: attaches the service's instances to your VPC (VPC, vSwitch and security
 * group must be in the same VPC).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class NetworkingSpec {
  /**
   * {@code cloud.networking.vpc_id}.
   *
   * @return VPC id, if set
   */
  public abstract Optional<String> vpcId();

  /**
   * {@code cloud.networking.vswitch_id} (a comma list is allowed).
   *
   * @return vSwitch id(s), if set
   */
  public abstract Optional<String> vSwitchId();

  /**
   * {@code cloud.networking.security_group_id}.
   *
   * @return security group id, if set
   */
  public abstract Optional<String> securityGroupId();

  /**
   * Every other key of {@code cloud.networking}. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * Whether VPC, vSwitch and security group are all set.
   *
   * @return true when attached to a VPC
   */
  public boolean attached() {
    return vpcId().isPresent() && vSwitchId().isPresent() && securityGroupId().isPresent();
  }

  /**
   * A VPC attachment.
   *
   * @param vpcId VPC id
   * @param vSwitchId vSwitch id
   * @param securityGroupId security group id
   * @return the section
   */
  public static NetworkingSpec of(String vpcId, String vSwitchId, String securityGroupId) {
    return builder().vpcId(vpcId).vSwitchId(vSwitchId).securityGroupId(securityGroupId).build();
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
    SpecRules.notBlank("cloud.networking.vpc_id", vpcId());
    SpecRules.notBlank("cloud.networking.vswitch_id", vSwitchId());
    SpecRules.notBlank("cloud.networking.security_group_id", securityGroupId());
    boolean any = vpcId().isPresent() || vSwitchId().isPresent() || securityGroupId().isPresent();
    if (any && !attached()) {
      throw ValidationException.invalidField(
          "cloud.networking",
          "needs vpc_id, vswitch_id and security_group_id together",
          "set all three, e.g. NetworkingSpec.of(vpcId, vSwitchId, securityGroupId)");
    }
  }

  /** Builder for {@link NetworkingSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableNetworkingSpec.Builder {
    Builder() {}
  }
}
