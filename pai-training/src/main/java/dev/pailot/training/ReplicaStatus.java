package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Scheduling progress of one role ({@code JobReplicaStatuses[]}): how many of its pods are active,
 * queuing or dequeued. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ReplicaStatus {
  /**
   * The role, as PAI spells it, e.g. {@code Worker}.
   *
   * @return role
   */
  public abstract String role();

  /**
   * Pods running ({@code Active}).
   *
   * @return count
   */
  @Value.Default
  public int active() {
    return 0;
  }

  /**
   * Pods waiting for resources ({@code Queuing}).
   *
   * @return count
   */
  @Value.Default
  public int queuing() {
    return 0;
  }

  /**
   * Pods that left the queue ({@code Dequeued}).
   *
   * @return count
   */
  @Value.Default
  public int dequeued() {
    return 0;
  }

  /**
   * The pod count DLC expects to schedule ({@code EstimatedPodCount}).
   *
   * @return count
   */
  public abstract Optional<Integer> estimatedPodCount();

  /**
   * The spot instance type in use ({@code CurrentSpotInstanceType}).
   *
   * @return instance type
   */
  public abstract Optional<String> currentSpotInstanceType();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ReplicaStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableReplicaStatus.Builder {
    Builder() {}
  }
}
