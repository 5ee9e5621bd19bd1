package dev.pailot.testkit.localpai.internal.dlc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Faults armed for DLC jobs not yet created ("the next spot job is reclaimed at step 40") and the
 * seeded rate of spot reclamation. Faults for existing jobs are set on the job itself. Thread-safe;
 * its lock is always taken after the {@link JobStore} lock, never before.
 */
final class DlcFaultPlan {
  private final Random random;
  private final Deque<Long> spotPreemptions = new ArrayDeque<>();
  private final Deque<long[]> failures = new ArrayDeque<>();
  private int podsNeverStarting;
  private double preemptionsPerHour;

  DlcFaultPlan(long seed) {
    // A stream of its own, so DLC draws never shift the control-plane fault sequence.
    this.random = new Random(seed ^ 0x0d1cd1cd1cL);
  }

  synchronized void preemptNextSpotJob(long atStep) {
    spotPreemptions.add(atStep);
  }

  synchronized void failNextJob(long atStep, int exitCode) {
    failures.add(new long[] {atStep, exitCode});
  }

  synchronized void nextJobPodNeverStarts() {
    podsNeverStarting++;
  }

  synchronized void preemptionRate(double perEmulatedHour) {
    preemptionsPerHour = perEmulatedHour;
  }

  synchronized void reset() {
    spotPreemptions.clear();
    failures.clear();
    podsNeverStarting = 0;
    preemptionsPerHour = 0;
  }

  /** Gives a new job the faults armed for "the next job". */
  synchronized void arm(DlcJob job) {
    if (job.definition.spot() && !spotPreemptions.isEmpty()) {
      job.training.preemptAtStep = spotPreemptions.poll();
    }
    if (!failures.isEmpty()) {
      long[] f = failures.poll();
      job.training.failAtStep = f[0];
      job.training.failExitCode = (int) f[1];
    }
    if (podsNeverStarting > 0) {
      podsNeverStarting--;
      job.podNeverStarts = true;
    }
  }

  /**
   * The step at which a spot job starting at {@code fromStep} is reclaimed, drawn from an
   * exponential distribution with the configured rate per emulated hour; empty if the rate is 0 or
   * the draw falls after the last step.
   */
  synchronized OptionalLong drawPreemptionStep(
      long fromStep, long totalSteps, double stepsPerMinute) {
    if (preemptionsPerHour <= 0) {
      return OptionalLong.empty();
    }
    double minutes = -Math.log(1 - random.nextDouble()) / (preemptionsPerHour / 60);
    double steps = Math.ceil(minutes * stepsPerMinute);
    long step = fromStep + (long) Math.max(1, Math.min(steps, totalSteps + 1.0));
    return step <= totalSteps ? OptionalLong.of(step) : OptionalLong.empty();
  }
}
