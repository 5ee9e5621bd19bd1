package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.DlcTrainingRecord.Outcome;
import dev.pailot.testkit.localpai.internal.dlc.TrainingState.Awaiting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated training script of a running job: it advances steps on the emulated clock, saves a
 * checkpoint every {@code checkpointEvery} steps and after the last, and meets injected faults at
 * their step. A fault "at step N" strikes after step N is computed and before its checkpoint is
 * complete: a reclaimed instance leaves checkpoint N half-written when N is a checkpoint step.
 * Called with the {@link JobStore} lock held; storage I/O is handed out as {@link StorageTask}s.
 */
final class TrainingLoop {
  private final DlcContext context;
  private final StepClock clock;
  private final DlcFaultPlan faults;

  TrainingLoop(DlcContext context, DlcFaultPlan faults) {
    this.context = context;
    this.clock = new StepClock(context);
    this.faults = faults;
  }

  /** The pods are running: the script starts and first reads its checkpoint directory. */
  static void start(DlcJob job, Instant at) {
    job.training.outcome = Outcome.RUNNING;
    job.training.clockStart = at;
    job.training.awaiting = Awaiting.RESUME;
  }

  /**
   * Trains up to {@code horizon}, jumping from one step that matters (checkpoint, fault, time
   * limit, horizon) to the next; returns whether anything changed.
   */
  boolean advance(DlcJob job, Instant horizon) {
    TrainingState t = job.training;
    boolean changed = false;
    while (t.awaiting == Awaiting.NONE && !t.ended()) {
      if (t.currentStep >= t.totalSteps) {
        JobEndings.succeed(job, clock.time(t, t.currentStep));
        return true;
      }
      Instant deadline = deadline(job);
      long limit = deadline == null ? Long.MAX_VALUE : clock.lastDue(t, deadline);
      long target = Math.min(Math.min(t.totalSteps, clock.lastDue(t, horizon)), limit);
      target = Math.min(target, Math.min(nextCheckpoint(t), nextFault(t)));
      if (target <= t.currentStep) {
        if (limit <= t.currentStep && !horizon.isBefore(deadline)) {
          JobEndings.timeout(job, deadline);
          return true;
        }
        return changed;
      }
      progress(job, t.currentStep + 1, target);
      t.currentStep = target;
      arrive(job, target, clock.time(t, target));
      changed = true;
    }
    return changed;
  }

  /** The I/O the job waits for, if any. */
  Optional<StorageTask> pendingTask(DlcJob job) {
    TrainingState t = job.training;
    if (t.awaiting == Awaiting.NONE) {
      return Optional.empty();
    }
    Path dir = t.checkpointDir == null ? null : Path.of(t.checkpointDir);
    String payload = t.awaiting == Awaiting.RESUME ? null : payload(job, t.awaitingStep);
    return Optional.of(
        new StorageTask(job.id, t.awaiting, t.awaitingStep, job.definition, dir, payload));
  }

  /** Applies finished I/O to the job (which may have been stopped meanwhile). */
  void complete(DlcJob job, StorageTask task, StorageTask.Result result) {
    TrainingState t = job.training;
    if (t.awaiting != task.kind() || t.ended()) {
      return;
    }
    t.awaiting = Awaiting.NONE;
    Instant at = task.kind() == Awaiting.RESUME ? t.clockStart : clock.time(t, task.step());
    if (result.error() != null) {
      JobEndings.fail(job, at, 1, List.of("Traceback (most recent call last):", result.error()));
      return;
    }
    switch (task.kind()) {
      case RESUME -> started(job, result.plan());
      case CHECKPOINT -> {
        t.checkpoints.add(task.step());
        t.incompleteCheckpoint = null;
        job.log(at, job.rankZeroPod(), "Saved checkpoint step-" + task.step() + ".");
      }
      case HALF_CHECKPOINT -> {
        t.incompleteCheckpoint = task.step();
        JobEndings.preempt(job, at);
      }
      case NONE -> {
        // not handed out
      }
    }
  }

  private void started(DlcJob job, ScriptStart.Plan plan) {
    TrainingState t = job.training;
    Instant at = t.clockStart;
    plan.lines().forEach(line -> job.log(at, "", line));
    if (!plan.failure().isEmpty()) {
      JobEndings.fail(job, at, 1, plan.failure());
      return;
    }
    t.totalSteps = plan.totalSteps();
    t.checkpointEvery = plan.checkpointEvery();
    t.stepsPerMinute = plan.stepsPerMinute();
    t.attempt = plan.attempt();
    t.resumeStep = plan.resumeStep();
    t.currentStep = plan.resumeStep();
    if (plan.location() != null) {
      t.checkpointUri = plan.location().uri();
      t.checkpointDir = plan.location().directory().toString();
    }
    if (t.preemptAtStep == null && job.definition.spot()) {
      faults
          .drawPreemptionStep(t.resumeStep, t.totalSteps, t.stepsPerMinute)
          .ifPresent(step -> t.preemptAtStep = step);
    }
  }

  /** Prints the progress lines of steps {@code from..to}: about 200 per run, and the last. */
  private void progress(DlcJob job, long from, long to) {
    TrainingState t = job.training;
    long every = Math.max(1, t.totalSteps / 200);
    for (long step = (from + every - 1) / every * every; step <= to; step += every) {
      printStep(job, step);
    }
    if (to == t.totalSteps && to % every != 0) {
      printStep(job, to);
    }
  }

  private void printStep(DlcJob job, long step) {
    TrainingState t = job.training;
    String line =
        String.format(Locale.ROOT, "step %d/%d loss=%.4f", step, t.totalSteps, loss(t, step));
    job.log(clock.time(t, step), "", line);
  }

  /** Step {@code step} is done: a checkpoint starts, or a fault strikes before it completes. */
  private void arrive(DlcJob job, long step, Instant at) {
    TrainingState t = job.training;
    boolean checkpoint = t.checkpointDir != null && isCheckpoint(t, step);
    if (checkpoint) {
      job.log(
          at, job.rankZeroPod(), "Saving checkpoint step-" + step + " to " + t.checkpointUri + ".");
    }
    if (t.preemptAtStep != null && step >= t.preemptAtStep) {
      if (checkpoint) {
        await(t, Awaiting.HALF_CHECKPOINT, step);
      } else {
        JobEndings.preempt(job, at);
      }
    } else if (t.failAtStep != null && step >= t.failAtStep) {
      JobEndings.fail(job, at, t.failExitCode, traceback(step, t.failExitCode));
    } else if (checkpoint) {
      await(t, Awaiting.CHECKPOINT, step);
    }
  }

  private static boolean isCheckpoint(TrainingState t, long step) {
    return step % t.checkpointEvery == 0 || step == t.totalSteps;
  }

  /** The next step that saves a checkpoint, or no limit when checkpoints are not saved. */
  private static long nextCheckpoint(TrainingState t) {
    return t.checkpointDir == null
        ? Long.MAX_VALUE
        : Math.min(t.totalSteps, (t.currentStep / t.checkpointEvery + 1) * t.checkpointEvery);
  }

  /** The next step where an injected fault strikes; a fault set for a past step strikes next. */
  private static long nextFault(TrainingState t) {
    long next = Long.MAX_VALUE;
    for (Long step : new Long[] {t.preemptAtStep, t.failAtStep}) {
      if (step != null) {
        next = Math.min(next, Math.max(step, t.currentStep + 1));
      }
    }
    return next;
  }

  private static void await(TrainingState t, Awaiting kind, long step) {
    t.awaiting = kind;
    t.awaitingStep = step;
  }

  private static List<String> traceback(long step, int exitCode) {
    return List.of(
        "Traceback (most recent call last):",
        "  File \"train.py\", line 87, in <module>",
        "    loss = train_step(batch)",
        "RuntimeError: injected failure at step " + step + " (LocalPai fault injection)",
        "Process exited with code " + exitCode + ".");
  }

  private Instant deadline(DlcJob job) {
    long max = job.definition.maxRunningMinutes();
    return max > 0 ? context.after(job.runningAt, max) : null;
  }

  private static double loss(TrainingState t, long step) {
    return 0.1 + 2.4 * Math.exp(-3.0 * step / t.totalSteps);
  }

  private String payload(DlcJob job, long step) {
    TrainingState t = job.training;
    return String.format(
        Locale.ROOT,
        "{\"step\":%d,\"totalSteps\":%d,\"jobId\":\"%s\",\"attempt\":%s,\"loss\":%.6f}%n",
        step,
        t.totalSteps,
        job.id,
        t.attempt == null ? "null" : t.attempt.toString(),
        loss(t, step));
  }
}
