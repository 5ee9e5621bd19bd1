package dev.pailot.training.spot;

import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an attempt that ended was preempted (its spot capacity reclaimed), so the run
 * resubmits it, or failed for another reason, which is never retried. Called once per attempt that
 * ended {@code Failed} on its own (not stopped by the run), on the run's thread.
 *
 * <p>{@link #defaults()} reads what DLC reports; see {@link DefaultPreemptionClassifier}. Write
 * your own for other evidence (e.g. an exit code your script uses on {@code SIGTERM}).
 * Implementations must be thread-safe if shared between runs.
 */
@FunctionalInterface
public interface PreemptionClassifier {
  /**
   * Classifies an ended attempt.
   *
   * @param job the attempt's job in its terminal state, with pods and reason
   * @param events the job's events (GetJobEvents)
   * @return the evidence of preemption, e.g. {@code ReasonCode SpotInstanceReclaimed}, or empty if
   *     it was not a preemption
   */
  Optional<String> preemption(Job job, List<JobEvent> events);

  /**
   * The documented default: {@link DefaultPreemptionClassifier#defaults()}.
   *
   * @return the default classifier
   */
  static PreemptionClassifier defaults() {
    return DefaultPreemptionClassifier.defaults();
  }
}
