package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One vSwitch (subnet) of a {@link NetworkSpec}: a zone, a block inside the VPC's block, and a
 * name. A vSwitch is identified in the cloud by its zone and name inside the network's VPC.
 *
 * <pre>{@code
 * VSwitchSpec a = VSwitchSpec.of("cn-shanghai-b", "10.0.1.0/24", "pailot-prod-b");
 * }</pre>
 *
 * <p>Immutable and thread-safe; plain data (JSON round trip with Jackson). {@code build()} throws
 * {@link ValidationException} naming the field for an empty zone or name, or a block that is not
 * IPv4 with a mask from /16 to /29. Whether the block lies inside the VPC and overlaps no other
 * vSwitch is checked by {@link NetworkSpec}.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableVSwitchSpec.class)
@JsonDeserialize(as = ImmutableVSwitchSpec.class)
public abstract class VSwitchSpec {
  /** Smallest mask a vSwitch may have (largest block). */
  public static final int MIN_MASK = 16;

  /** Largest mask a vSwitch may have (smallest block). */
  public static final int MAX_MASK = 29;

  /**
   * Zone id, e.g. {@code cn-shanghai-b}.
   *
   * @return zone id
   */
  public abstract String zoneId();

  /**
   * IPv4 block, mask /16 to /29, inside the VPC's block, e.g. {@code 10.0.1.0/24}.
   *
   * @return block
   */
  public abstract String cidrBlock();

  /**
   * vSwitch name, 1 to 128 characters, not starting with {@code http://} or {@code https://}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The parsed block.
   *
   * @return block
   */
  public Cidr cidr() {
    return Cidr.parse(cidrBlock());
  }

  /**
   * A vSwitch spec.
   *
   * @param zoneId zone id
   * @param cidrBlock IPv4 block
   * @param name vSwitch name
   * @return the spec
   * @throws ValidationException for bad input
   */
  public static VSwitchSpec of(String zoneId, String cidrBlock, String name) {
    return builder().zoneId(zoneId).cidrBlock(cidrBlock).name(name).build();
  }

  /**
   * A new builder; every attribute is required.
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
    SpecRules.checkName("vSwitch.name", name(), 1);
    if (zoneId().isBlank()) {
      throw ValidationException.invalidField(
          "vSwitch.zoneId", "is empty", "use a zone id such as cn-shanghai-b");
    }
    SpecRules.checkIpv4Block(
        "vSwitch.cidrBlock",
        cidrBlock(),
        MIN_MASK,
        MAX_MASK,
        "use a block from /16 to /29 inside the VPC block, e.g. 10.0.1.0/24");
  }

  /** Builder for {@link VSwitchSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableVSwitchSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the VSwitchSpec
     * @throws ValidationException naming the first missing or invalid field
     */
    @Override
    public VSwitchSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("vSwitch.", e);
      }
    }
  }
}
