package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.network.PlannedChange.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The network after {@link NetworkClient#apply(NetworkSpec)}: the ids a workload needs (VPC,
 * vSwitches, security group) and what apply did.
 *
 * <pre>{@code
 * NetworkState state = network.apply(spec);
 * String vSwitchId = state.vSwitchId("cn-shanghai-b", "pailot-prod-b").orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe; plain data (JSON with a mapper that has {@code Jdk8Module}).
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableNetworkState.class)
@JsonDeserialize(as = ImmutableNetworkState.class)
public abstract class NetworkState {
  /**
   * The spec's name (the VPC name).
   *
   * @return network name
   */
  public abstract String networkName();

  /**
   * The region.
   *
   * @return region id
   */
  public abstract String region();

  /**
   * The VPC id.
   *
   * @return VPC id
   */
  public abstract String vpcId();

  /**
   * vSwitch ids keyed by {@code zoneId/name}, e.g. {@code cn-shanghai-b/pailot-prod-b}, in spec
   * order.
   *
   * @return vSwitch ids
   */
  public abstract Map<String, String> vSwitchIds();

  /**
   * The security group id.
   *
   * @return security group id
   */
  public abstract String securityGroupId();

  /**
   * What apply found and did, in order: created ({@link Action#CREATE}, with the new id), already
   * present ({@link Action#UNCHANGED}) and drift ({@link Action#DRIFT}, left alone).
   *
   * @return changes
   */
  public abstract List<PlannedChange> changes();

  /**
   * The id of one vSwitch of the spec.
   *
   * @param zoneId zone id
   * @param name vSwitch name
   * @return its id, or empty if the spec has no such vSwitch
   */
  public Optional<String> vSwitchId(String zoneId, String name) {
    return Optional.ofNullable(vSwitchIds().get(zoneId + "/" + name));
  }

  /**
   * How many resources apply created (each ingress rule counts as one).
   *
   * @return count
   */
  public int created() {
    return count(Action.CREATE);
  }

  /**
   * How many resources were already present as specified.
   *
   * @return count
   */
  public int unchanged() {
    return count(Action.UNCHANGED);
  }

  /**
   * Drift found and left alone.
   *
   * @return drift
   */
  public List<PlannedChange> drift() {
    return changes().stream().filter(c -> c.action() == Action.DRIFT).toList();
  }

  private int count(Action action) {
    return (int) changes().stream().filter(c -> c.action() == action).count();
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

  /** Builder for {@link NetworkState}. Not thread-safe. */
  public static final class Builder extends ImmutableNetworkState.Builder {
    Builder() {}
  }
}
