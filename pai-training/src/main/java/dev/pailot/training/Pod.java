package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One pod of a DLC job as PAI reports it ({@code Pods[]}). Use {@link #id()} with {@link
 * DlcClient#podLogs} and {@link DlcClient#followLogs}. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Pod {
  /**
   * The pod id.
   *
   * @return pod id
   */
  public abstract String id();

  /**
   * The pod's UID, which tells apart restarted incarnations of one pod id ({@code PodUid}).
   *
   * @return UID
   */
  public abstract Optional<String> uid();

  /**
   * The role it belongs to, as PAI spells it, e.g. {@code Worker} ({@code Type}).
   *
   * @return role
   */
  @Value.Default
  public String role() {
    return "";
  }

  /**
   * The state; {@link PodStatus#UNKNOWN} for text this SDK does not know.
   *
   * @return status
   */
  public abstract PodStatus status();

  /**
   * PAI's status text, as sent; empty when PAI sent none.
   *
   * @return status text
   */
  @Value.Default
  public String statusText() {
    return status() == PodStatus.UNKNOWN ? "" : status().wireValue();
  }

  /**
   * The sub-status, e.g. {@code Normal} or {@code Evicted}.
   *
   * @return sub-status
   */
  public abstract Optional<String> subStatus();

  /**
   * The pod's IP address.
   *
   * @return IP
   */
  public abstract Optional<String> ip();

  /**
   * The node it runs on.
   *
   * @return node name
   */
  public abstract Optional<String> nodeName();

  /**
   * When it was created.
   *
   * @return creation time
   */
  public abstract Optional<Instant> createdAt();

  /**
   * When it started.
   *
   * @return start time
   */
  public abstract Optional<Instant> startedAt();

  /**
   * When it finished.
   *
   * @return finish time
   */
  public abstract Optional<Instant> finishedAt();

  /**
   * Earlier incarnations of this pod, e.g. before a restart ({@code HistoryPods}).
   *
   * @return earlier pods
   */
  public abstract List<Pod> history();

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

  /** Builder for {@link Pod}. Not thread-safe. */
  public static final class Builder extends ImmutablePod.Builder {
    Builder() {}
  }
}
