package dev.pailot.training.spot;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.training.JobSpec;
import dev.pailot.training.checkpoint.CheckpointStore;
import dev.pailot.training.spot.internal.AttemptSpecs;
import dev.pailot.training.spot.internal.CostModel;
import dev.pailot.training.spot.internal.RunControl;
import dev.pailot.training.spot.internal.RunLoop;
import dev.pailot.training.spot.internal.RunSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One spot run: a training job submitted as attempt after attempt until it finishes. Attempt 1 is
 * submitted with the checkpoint location and the {@link ResumeContract} variables; when an attempt
 * is preempted, the next resumes from the newest complete checkpoint in the {@link
 * CheckpointStore}. The run ends on success, on a failure that is not a preemption (never retried;
 * the report keeps the pod's log tail and the job's events), at {@code maxAttempts}, at the
 * deadline, at the budget, or when stopped. <b>Two attempts of one run never run at the same
 * time</b>: the next is submitted only once the previous DLC job is terminal (stopped and waited
 * for, if the run ended it).
 *
 * <pre>{@code
 * SpotRun run = training.spotRun(spec)
 *     .resumeOnPreemption()
 *     .maxAttempts(10)
 *     .gangStartTimeout(Duration.ofMinutes(10))
 *     .checkpointStore(store)
 *     .listener(event -> System.out.println(event.message()))
 *     .build();
 * CompletableFuture<SpotRunReport> done = run.start();
 * ...
 * run.stop(); // stops the current DLC job; the report says STOPPED
 * }</pre>
 *
 * <p>Thread-safe. The run works on its client's executor, one thread for its whole length; its
 * listener is called on that thread. It does not close the checkpoint store.
 */
public final class SpotRun {
  private final SpotTraining owner;
  private final RunSetup setup;
  private final RunControl control = new RunControl();
  private RunFuture future;

  private SpotRun(SpotTraining owner, RunSetup setup) {
    this.owner = owner;
    this.setup = setup;
  }

  /**
   * The run's name: the job spec's display name unless set; attempts are named {@code <name>-a<n>}.
   *
   * @return name
   */
  public String name() {
    return setup.name();
  }

  /**
   * The run's policy.
   *
   * @return policy
   */
  public SpotRunPolicy policy() {
    return setup.policy();
  }

  /**
   * Starts the run on its client's executor, once; later calls return the same future. The future
   * completes with the report whatever the outcome (read {@link SpotRunReport#outcome()}), and
   * exceptionally only if the run could not start. Cancelling it stops the run as {@link #stop()}
   * does; the report then reaches only the listener.
   *
   * @return the report's future
   */
  public synchronized CompletableFuture<SpotRunReport> start() {
    if (future != null) {
      return future;
    }
    future = new RunFuture(control);
    owner.started(this);
    try {
      owner.executor().execute(this::runToEnd);
    } catch (RejectedExecutionException e) {
      owner.ended(this);
      future.completeExceptionally(
          new PaiException(
              "Spot run " + name() + " could not start: its SpotTraining client is closed",
              null,
              e));
    }
    return future;
  }

  /**
   * Starts the run if needed and waits for its end.
   *
   * @return the report, whatever the outcome; {@link SpotRunReport#requireSucceeded()} turns a
   *     failure into an exception
   * @throws PaiException if the run could not start, was cancelled, or the waiting thread was
   *     interrupted (the run goes on; call {@link #stop()} to end it)
   */
  public SpotRunReport await() {
    CompletableFuture<SpotRunReport> f = start();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaiException(
          "Interrupted while waiting for spot run " + name() + "; it goes on: call stop()",
          null,
          e);
    } catch (CancellationException e) {
      throw new PaiException("Spot run " + name() + " was cancelled", null, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new PaiException("Spot run " + name() + " failed", null, e.getCause());
    }
  }

  /**
   * Asks the run to stop: the running attempt's DLC job is stopped and waited for, nothing more is
   * submitted, and the run ends as {@link RunOutcome#STOPPED}. Returns at once; the report's future
   * completes when the job is terminal. Starts the run if it had not started, so it ends at once.
   * Idempotent.
   */
  public void stop() {
    control.requestStop();
    start();
  }

  /**
   * Whether the run has ended.
   *
   * @return done
   */
  public synchronized boolean isDone() {
    return future != null && future.isDone();
  }

  void abandon() {
    control.abandon();
  }

  private void runToEnd() {
    try {
      future.complete(new RunLoop(setup, control).run());
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
    } finally {
      owner.ended(this);
    }
  }

  @Override
  public String toString() {
    return "SpotRun{" + name() + "}";
  }

  /** A future whose cancellation stops the run. */
  private static final class RunFuture extends CompletableFuture<SpotRunReport> {
    private final RunControl control;

    RunFuture(RunControl control) {
      this.control = control;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      control.requestStop();
      return super.cancel(mayInterruptIfRunning);
    }
  }

  /**
   * Describes a spot run fluently; {@link #build()} validates it. Not thread-safe. Nothing is sent
   * to PAI until the run starts.
   */
  public static final class Builder {
    private final SpotTraining owner;
    private final JobSpec spec;
    private SpotRunPolicy.Builder policy = SpotRunPolicy.builder();
    private String name;
    private CheckpointStore store;
    private PreemptionClassifier classifier = PreemptionClassifier.defaults();
    private SpotRunListener listener = SpotRunListener.NONE;

    Builder(SpotTraining owner, JobSpec spec) {
      this.owner = owner;
      this.spec = spec;
    }

    /**
     * Resubmits after every preemption, resuming from the newest complete checkpoint.
     *
     * @return this builder
     */
    public Builder resumeOnPreemption() {
      policy.resumeOnPreemption(true);
      return this;
    }

    /**
     * The most attempts, gang-start resubmissions included. Default 5.
     *
     * @param attempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      policy.maxAttempts(attempts);
      return this;
    }

    /**
     * Ends the run (stopping its attempt) once this much wall-clock time has passed since it
     * started.
     *
     * @param deadline positive duration
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      policy.deadline(deadline);
      return this;
    }

    /**
     * Caps the estimated spend, in the price book's currency: no attempt is submitted that the
     * remaining budget cannot pay for {@link #budgetReserve(Duration)}, and a running attempt is
     * stopped before its spend would cross the cap. Needs every role's instance type priced.
     *
     * @param cap positive amount, e.g. {@code new BigDecimal("200.00")}
     * @return this builder
     */
    public Builder budget(BigDecimal cap) {
      policy.budget(cap);
      return this;
    }

    /**
     * The running time the remaining budget must pay for before an attempt is submitted. Default 10
     * minutes.
     *
     * @param reserve positive duration
     * @return this builder
     */
    public Builder budgetReserve(Duration reserve) {
      policy.budgetReserve(reserve);
      return this;
    }

    /**
     * After this many preemptions, later attempts run on demand (no {@code SpotSpec}).
     *
     * @param preemptions at least 1
     * @return this builder
     */
    public Builder fallbackToOnDemandAfter(int preemptions) {
      policy.fallbackAfterPreemptions(preemptions);
      return this;
    }

    /**
     * When less than this is left before the deadline, later attempts run on demand.
     *
     * @param beforeDeadline positive duration; needs {@link #deadline(Duration)}
     * @return this builder
     */
    public Builder fallbackToOnDemandWithin(Duration beforeDeadline) {
      policy.fallbackWithinDeadline(beforeDeadline);
      return this;
    }

    /**
     * Stops an attempt whose pods are not all {@code Running} this long after it left the queue,
     * and resubmits (counting an attempt) unless {@link #resubmitOnGangTimeout(boolean)} says no.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder gangStartTimeout(Duration timeout) {
      policy.gangStartTimeout(timeout);
      return this;
    }

    /**
     * Whether a gang timeout is followed by another attempt. Default {@code true}.
     *
     * @param resubmit whether to resubmit
     * @return this builder
     */
    public Builder resubmitOnGangTimeout(boolean resubmit) {
      policy.resubmitOnGangTimeout(resubmit);
      return this;
    }

    /**
     * How often the running attempt is polled. Default 15 s.
     *
     * @param interval positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      policy.pollInterval(interval);
      return this;
    }

    /**
     * Replaces every policy setting with a stored policy.
     *
     * @param stored the policy
     * @return this builder
     */
    public Builder policy(SpotRunPolicy stored) {
      this.policy = Objects.requireNonNull(stored, "policy").toBuilder();
      return this;
    }

    /**
     * Names the run (attempts are named {@code <name>-a<n>}). Default: the spec's display name.
     *
     * @param runName a DLC display name
     * @return this builder
     */
    public Builder name(String runName) {
      this.name = Objects.requireNonNull(runName, "name");
      return this;
    }

    /**
     * Where the run finds the attempts' checkpoints, read before each attempt to set {@code
     * PAILOT_RESUME_FROM_STEP}. Required. The run does not close it.
     *
     * @param checkpointStore the store over the spec's checkpoint location
     * @return this builder
     */
    public Builder checkpointStore(CheckpointStore checkpointStore) {
      this.store = Objects.requireNonNull(checkpointStore, "checkpointStore");
      return this;
    }

    /**
     * Decides preemption. Default {@link PreemptionClassifier#defaults()}.
     *
     * @param preemptionClassifier classifier
     * @return this builder
     */
    public Builder classifier(PreemptionClassifier preemptionClassifier) {
      this.classifier = Objects.requireNonNull(preemptionClassifier, "classifier");
      return this;
    }

    /**
     * Receives the run's events.
     *
     * @param runListener listener
     * @return this builder
     */
    public Builder listener(SpotRunListener runListener) {
      this.listener = Objects.requireNonNull(runListener, "listener");
      return this;
    }

    /**
     * Validates and builds the run, not started. No network call is made.
     *
     * @return the run
     * @throws ValidationException naming the field and the fix: a spec without a checkpoint
     *     location, no checkpoint store, an invalid policy, a run name DLC would refuse, or a
     *     budget with roles the price book cannot price
     */
    public SpotRun build() {
      spec.validateForSpotRun();
      SpotRunPolicy p = policy.build();
      String runName = name == null ? spec.displayName() : name;
      if (store == null) {
        throw ValidationException.invalidField(
            "checkpointStore",
            "is not set for spot run " + runName,
            "set checkpointStore(...) over "
                + spec.checkpoint().orElseThrow().uri()
                + ", e.g. OssCheckpointStore.builder().uri(...).credentials(...).build()");
      }
      // Builds the last attempt's spec once, so a name DLC would refuse fails here.
      JobSpec onDemand = AttemptSpecs.derive(spec, runName, p.maxAttempts(), 0, false);
      CostModel costs = new CostModel(owner.priceBook());
      if (p.budget().isPresent()
          && !(costs.prices(spec.roles()) && costs.prices(onDemand.roles()))) {
        throw ValidationException.invalidField(
            "budget",
            "spot run " + runName + " has a role without an instance type the price book prices",
            "give every role an ecsSpec priced in the price book (with a spot price for spot"
                + " roles), or drop the budget");
      }
      RunSetup setup =
          new RunSetup(
              runName,
              spec,
              p,
              store,
              classifier,
              listener,
              owner.dlc(),
              costs,
              owner.runtime(),
              owner.clock());
      return new SpotRun(owner, setup);
    }
  }
}
