package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.network.PlannedChange.Action;
import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link NetworkClient#apply(NetworkSpec)} would do for a spec, found with read-only
 * (Describe) calls: the resources to create, those already present, drift (present in the cloud but
 * not in the spec; reported, never deleted) and conflicts (which block apply).
 *
 * <pre>{@code
 * NetworkPlan plan = network.plan(spec);
 * System.out.println(plan.render());
 * // Plan for network pailot-prod in cn-shanghai: 4 to create, 0 unchanged, 0 drift, 0 conflicts
 * // + vpc pailot-prod 10.0.0.0/16
 * // + vswitch pailot-prod-b cn-shanghai-b 10.0.1.0/24
 * // ...
 * }</pre>
 *
 * <p>Immutable and thread-safe; plain data (JSON with a mapper that has {@code Jdk8Module}). A plan
 * is a snapshot: apply plans again rather than trusting an old one.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableNetworkPlan.class)
@JsonDeserialize(as = ImmutableNetworkPlan.class)
public abstract class NetworkPlan {
  /**
   * The spec's name (the VPC name).
   *
   * @return network name
   */
  public abstract String networkName();

  /**
   * The region planned in.
   *
   * @return region id
   */
  public abstract String region();

  /**
   * Every planned change in dependency order: VPC, vSwitches, security group, ingress rules, then
   * drift.
   *
   * @return changes
   */
  public abstract List<PlannedChange> changes();

  /**
   * Whether apply would create anything. Drift does not count: apply never deletes.
   *
   * @return whether there is something to create
   */
  public boolean hasChanges() {
    return !creates().isEmpty();
  }

  /**
   * The resources apply would create.
   *
   * @return creates, in order
   */
  public List<PlannedChange> creates() {
    return withAction(Action.CREATE);
  }

  /**
   * The resources already present as specified.
   *
   * @return unchanged resources
   */
  public List<PlannedChange> unchanged() {
    return withAction(Action.UNCHANGED);
  }

  /**
   * Resources present in the cloud but not in the spec. Apply reports them and leaves them alone.
   *
   * @return drift
   */
  public List<PlannedChange> drift() {
    return withAction(Action.DRIFT);
  }

  /**
   * Resources that contradict the spec; apply refuses while there are any.
   *
   * @return conflicts
   */
  public List<PlannedChange> conflicts() {
    return withAction(Action.CONFLICT);
  }

  /**
   * Whether apply would refuse.
   *
   * @return whether there are conflicts
   */
  public boolean hasConflicts() {
    return !conflicts().isEmpty();
  }

  /**
   * A terraform-plan-like text: a summary line, then one line per change ({@code +} create, {@code
   * =} unchanged, {@code !} drift, {@code x} conflict).
   *
   * @return the text, lines separated by {@code \n}
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Plan for network ")
        .append(networkName())
        .append(" in ")
        .append(region())
        .append(": ")
        .append(creates().size())
        .append(" to create, ")
        .append(unchanged().size())
        .append(" unchanged, ")
        .append(drift().size())
        .append(" drift, ")
        .append(conflicts().size())
        .append(" conflicts\n");
    for (PlannedChange c : changes()) {
      sb.append(c.render()).append('\n');
    }
    return sb.toString();
  }

  private List<PlannedChange> withAction(Action action) {
    return changes().stream().filter(c -> c.action() == action).toList();
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

  /** Builder for {@link NetworkPlan}. Not thread-safe. */
  public static final class Builder extends ImmutableNetworkPlan.Builder {
    Builder() {}
  }
}
