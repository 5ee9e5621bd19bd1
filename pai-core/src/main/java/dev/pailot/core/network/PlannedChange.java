package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of a {@link NetworkPlan}: what would happen (or, in a {@link NetworkState}, what
 * happened) to one resource.
 *
 * <p>Immutable and thread-safe; plain data. For JSON use a Jackson mapper with {@code Jdk8Module}
 * ({@code jackson-datatype-jdk8}) registered, because {@link #resourceId()} is an {@code Optional}.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutablePlannedChange.class)
@JsonDeserialize(as = ImmutablePlannedChange.class)
public abstract class PlannedChange {

  /** The kind of cloud resource. */
  public enum ResourceType {
    /** A VPC. */
    VPC("vpc"),
    /** A vSwitch. */
    VSWITCH("vswitch"),
    /** A security group. */
    SECURITY_GROUP("security-group"),
    /** An inbound security group rule. */
    INGRESS_RULE("ingress");

    private final String label;

    ResourceType(String label) {
      this.label = label;
    }

    /**
     * The short label used in {@link NetworkPlan#render()}, e.g. {@code vswitch}.
     *
     * @return label
     */
    public String label() {
      return label;
    }
  }

  /** What the plan does about the resource. */
  public enum Action {
    /** Missing from the cloud; apply creates it. */
    CREATE,
    /** Present and as specified; apply leaves it alone. */
    UNCHANGED,
    /** Present in the cloud but not in the spec; reported, never deleted. */
    DRIFT,
    /** Present but incompatible with the spec (e.g. another CIDR); blocks apply. */
    CONFLICT
  }

  /**
   * The kind of resource.
   *
   * @return resource type
   */
  public abstract ResourceType resourceType();

  /**
   * The resource's name; for ingress rules a summary such as {@code TCP 8080/8080 from 10.0.0.0/8}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The action.
   *
   * @return action
   */
  public abstract Action action();

  /**
   * The cloud id: of the existing resource in a plan, and also of the newly created one in a {@link
   * NetworkState}. Empty for resources still to be created and for ingress rules created by apply
   * (ECS does not return rule ids).
   *
   * @return id
   */
  public abstract Optional<String> resourceId();

  /**
   * What the plan knows: zone and CIDR for vSwitches, policy and priority for rules, and the reason
   * for drift and conflicts.
   *
   * @return detail, possibly empty
   */
  @Value.Default
  public String detail() {
    return "";
  }

  /**
   * One line as in {@link NetworkPlan#render()}, e.g. {@code + vpc pailot-prod 10.0.0.0/16}.
   *
   * @return the line
   */
  public String render() {
    String id = resourceId().map(i -> " (" + i + ")").orElse("");
    String what = resourceType().label() + " " + name();
    return switch (action()) {
      case CREATE -> "+ " + what + suffix(detail()) + id;
      case UNCHANGED -> "= " + what + suffix(detail()) + id;
      case DRIFT -> "! drift: " + what + suffix(detail());
      case CONFLICT -> "x conflict: " + what + ": " + detail();
    };
  }

  private static String suffix(String detail) {
    return detail.isEmpty() ? "" : " " + detail;
  }

  /**
   * A new builder; resource type, name and action are required.
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

  /** Builder for {@link PlannedChange}. Not thread-safe. */
  public static final class Builder extends ImmutablePlannedChange.Builder {
    Builder() {}
  }
}
