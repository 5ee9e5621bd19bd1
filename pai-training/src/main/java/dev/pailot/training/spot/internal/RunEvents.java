package dev.pailot.training.spot.internal;

import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.training.spot.SpotRunEvent;
import dev.pailot.training.spot.SpotRunEventType;
import dev.pailot.training.spot.SpotRunListener;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's events to its listener and, as {@code ProgressEvent}s, to the {@code Pai} listener.
 * Failures of either are logged at DEBUG and ignored. Used from the run's thread only.
 */
public final class RunEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

  private final String run;
  private final SpotRunListener listener;
  private final PaiRuntime runtime;
  private final Clock clock;

  /**
   * Creates the sender.
   *
   * @param run run name
   * @param listener the run's listener
   * @param runtime the {@code Pai} runtime, for progress events
   * @param clock the run's clock
   */
  public RunEvents(String run, SpotRunListener listener, PaiRuntime runtime, Clock clock) {
    this.run = run;
    this.listener = listener;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Sends one event.
   *
   * @param type what happened
   * @param attempt attempt number, 0 for the run
   * @param jobId job id or {@code null}
   * @param step step or empty
   * @param message one line for people
   * @param attributes extra facts
   */
  public void emit(
      SpotRunEventType type,
      int attempt,
      String jobId,
      OptionalLong step,
      String message,
      Map<String, String> attributes) {
    SpotRunEvent.Builder b =
        SpotRunEvent.builder()
            .run(run)
            .type(type)
            .attempt(attempt)
            .step(step)
            .message(message)
            .time(clock.instant())
            .putAllAttributes(attributes);
    if (jobId != null) {
      b.jobId(jobId);
    }
    SpotRunEvent event = b.build();
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.debug("spot run listener threw; ignored", e);
    }
    runtime.progress(progress(event));
  }

  private static ProgressEvent progress(SpotRunEvent e) {
    ProgressEvent.Builder b =
        ProgressEvent.builder()
            .operation(SpotRunEvent.OPERATION)
            .resource("spot-run/" + e.run())
            .phase(e.type().name())
            .message(e.message())
            .timestamp(e.time())
            .putAllAttributes(e.attributes())
            .putAttributes("attempt", Integer.toString(e.attempt()));
    e.jobId().ifPresent(id -> b.putAttributes("jobId", id));
    e.step().ifPresent(s -> b.putAttributes("step", Long.toString(s)));
    return b.build();
  }
}
