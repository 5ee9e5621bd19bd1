package dev.pailot.core.network;

import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ErrorDetails;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link NetworkClient#apply(NetworkSpec)} refused because the cloud contradicts the spec (e.g. a
 * VPC of the same name with another CIDR). Thrown before anything is created. The message lists
 * every conflict; {@link #plan()} has the full plan.
 *
 * <p>Immutable once thrown; thread-safe.
 */
public class NetworkConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final transient NetworkPlan plan;

  /**
   * Creates the exception from a plan with conflicts.
   *
   * @param plan the plan
   */
  public NetworkConflictException(NetworkPlan plan) {
    super(message(plan), ErrorDetails.none(), null);
    this.plan = plan;
  }

  private static String message(NetworkPlan plan) {
    List<PlannedChange> conflicts = plan.conflicts();
    return "Cannot apply network "
        + plan.networkName()
        + " in "
        + plan.region()
        + ": "
        + conflicts.size()
        + " conflict(s): "
        + conflicts.stream().map(PlannedChange::render).collect(Collectors.joining("; "))
        + ". Nothing was created. Change the spec to match the cloud, or fix or remove the"
        + " conflicting resource, then apply again.";
  }

  /**
   * The plan that was refused (not kept when the exception is serialised).
   *
   * @return the plan, or {@code null} after deserialisation
   */
  public NetworkPlan plan() {
    return plan;
  }
}
