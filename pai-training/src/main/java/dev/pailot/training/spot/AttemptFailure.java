package dev.pailot.training.spot;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why an attempt failed when it was not a preemption: the job's reason, the last lines of a pod's
 * log and the job's last events, so the cause is in the report without another call. Plain data;
 * immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableAttemptFailure.class)
@JsonDeserialize(as = ImmutableAttemptFailure.class)
public abstract class AttemptFailure {
  /**
   * The attempt number.
   *
   * @return attempt
   */
  public abstract int attempt();

  /**
   * The failed DLC job.
   *
   * @return job id
   */
  public abstract String jobId();

  /**
   * DLC's status text, e.g. {@code Failed}.
   *
   * @return status
   */
  public abstract String status();

  /**
   * DLC's reason code.
   *
   * @return reason code
   */
  public abstract Optional<String> reasonCode();

  /**
   * DLC's reason message.
   *
   * @return reason message
   */
  public abstract Optional<String> reasonMessage();

  /**
   * The pod whose log is kept: the first failed pod, else the first pod.
   *
   * @return pod id
   */
  public abstract Optional<String> podId();

  /**
   * The pod's last log lines, oldest first (empty if the log could not be read).
   *
   * @return log lines
   */
  public abstract List<String> logTail();

  /**
   * The job's last events, oldest first.
   *
   * @return events
   */
  public abstract List<String> events();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AttemptFailure}. Not thread-safe. */
  public static final class Builder extends ImmutableAttemptFailure.Builder {
    Builder() {}
  }
}
