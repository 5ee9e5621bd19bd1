package dev.pailot.training.spot.internal;

import dev.pailot.training.Job;
import dev.pailot.training.checkpoint.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work a preempted attempt lost. In steps: the last step its pod log shows (the last match of
 * the step pattern in the log tail) minus the step of the newest complete checkpoint when it ended,
 * where the next attempt resumes; unknown if the log shows no step. As time, from checkpoints
 * alone: from the completion of the newest checkpoint it wrote (or from its start, if it wrote
 * none) to its end.
 *
 * @param lastStepReached the last step the log shows
 * @param lostSteps steps to redo
 * @param lostTime running time since the last checkpoint
 */
record LostWork(OptionalLong lastStepReached, OptionalLong lostSteps, Optional<Duration> lostTime) {

  /**
   * Measures one attempt.
   *
   * @param job the ended job
   * @param endedAt when it ended
   * @param resumedFrom the step it resumed from
   * @param newest the newest complete checkpoint after it ended
   * @param logTail the tail of its rank-0 pod's log
   * @param stepPattern finds the step in a log line (group 1)
   * @return the lost work
   */
  static LostWork measure(
      Job job,
      Instant endedAt,
      long resumedFrom,
      Optional<Checkpoint> newest,
      List<String> logTail,
      Pattern stepPattern) {
    long resumeNext = newest.map(Checkpoint::step).orElse(0L);
    OptionalLong last = lastStep(logTail, stepPattern);
    OptionalLong lost =
        last.isPresent()
            ? OptionalLong.of(Math.max(0, last.getAsLong() - resumeNext))
            : OptionalLong.empty();
    Optional<Instant> since =
        newest
            .filter(c -> c.step() > resumedFrom)
            .flatMap(Checkpoint::completedAt)
            .or(job::runningAt);
    Optional<Duration> time =
        since.map(s -> Duration.between(s, endedAt)).map(d -> d.isNegative() ? Duration.ZERO : d);
    return new LostWork(last, lost, time);
  }

  static OptionalLong lastStep(List<String> lines, Pattern stepPattern) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = stepPattern.matcher(lines.get(i));
      OptionalLong step = OptionalLong.empty();
      while (m.find()) {
        step = parse(m.group(1));
      }
      if (step.isPresent()) {
        return step;
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong parse(String digits) {
    try {
      return digits == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
