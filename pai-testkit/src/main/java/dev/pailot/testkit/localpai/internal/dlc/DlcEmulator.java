package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.DlcTrainingRecord;
import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The DLC emulation as one unit: its job store, simulator thread, fault plan and ROA handlers, plus
 * the hooks {@code LocalPai} exposes ({@code faults()}, {@code dlc()}). Thread-safe. {@link
 * #close()} stops the simulator thread.
 */
public final class DlcEmulator implements AutoCloseable {
  private final JobStore store = new JobStore();
  private final DlcFaultPlan faults;
  private final JobSimulator simulator;
  private final List<ProductHandler> handlers;

  private DlcEmulator(DlcContext context, long seed) {
    this.faults = new DlcFaultPlan(seed);
    this.simulator = new JobSimulator(context, store, faults);
    this.handlers =
        List.of(
            new JobHandler(context, store, faults, simulator), new JobLogHandler(context, store));
  }

  /**
   * Creates the emulation and starts its simulator thread.
   *
   * @param emulation the emulator's clock, region and ids
   * @param options DLC options
   * @param minute real time per emulated minute
   * @param storage local storage behind {@code oss://} URIs
   * @param seed seed for random spot reclamation
   * @return the running emulation; close it
   */
  public static DlcEmulator start(
      Emulation emulation,
      LocalPaiDlcOptions options,
      Duration minute,
      OssPaths storage,
      long seed) {
    DlcEmulator dlc = new DlcEmulator(new DlcContext(emulation, options, minute, storage), seed);
    dlc.simulator.start();
    return dlc;
  }

  /**
   * The ROA handlers for {@code Product.DLC}.
   *
   * @return handlers
   */
  public List<ProductHandler> handlers() {
    return handlers;
  }

  /**
   * The job store, for saving and restoring state.
   *
   * @return store
   */
  public PersistentStore store() {
    return store;
  }

  /**
   * Reclaims a spot job's instance when it reaches {@code atStep} (at once if it is past it).
   *
   * @param jobId job id
   * @param atStep training step
   * @throws IllegalArgumentException for an unknown job or one without {@code SpotSpec}
   * @throws IllegalStateException if its training has ended
   */
  public void preempt(String jobId, long atStep) {
    onLiveJob(
        jobId,
        job -> {
          if (!job.definition.spot()) {
            throw new IllegalArgumentException(
                "DLC job " + jobId + " has no SpotSpec; only spot instances are reclaimed");
          }
          job.training.preemptAtStep = atStep;
        });
    simulator.wake();
  }

  /**
   * Makes the job's script fail with {@code exitCode} when it reaches {@code atStep}.
   *
   * @param jobId job id
   * @param atStep training step
   * @param exitCode exit code
   * @throws IllegalArgumentException for an unknown job
   * @throws IllegalStateException if its training has ended
   */
  public void fail(String jobId, long atStep, int exitCode) {
    onLiveJob(
        jobId,
        job -> {
          job.training.failAtStep = atStep;
          job.training.failExitCode = exitCode;
        });
    simulator.wake();
  }

  /**
   * Keeps the last pod of a job {@code Pending} forever, so the job never leaves {@code
   * EnvPreparing}.
   *
   * @param jobId job id
   * @throws IllegalArgumentException for an unknown job
   * @throws IllegalStateException if its pods have started
   */
  public void podNeverStarts(String jobId) {
    onLiveJob(
        jobId,
        job -> {
          if (job.podsLaunched) {
            throw new IllegalStateException("the pods of DLC job " + jobId + " have started");
          }
          job.podNeverStarts = true;
        });
  }

  /**
   * Reclaims the next spot job created at {@code atStep}; repeated calls queue up.
   *
   * @param atStep training step
   */
  public void preemptNextSpotJob(long atStep) {
    faults.preemptNextSpotJob(atStep);
  }

  /**
   * Fails the next job created at {@code atStep}; repeated calls queue up.
   *
   * @param atStep training step
   * @param exitCode exit code
   */
  public void failNextJob(long atStep, int exitCode) {
    faults.failNextJob(atStep, exitCode);
  }

  /** Keeps the last pod of the next job created {@code Pending} forever. */
  public void nextJobPodNeverStarts() {
    faults.nextJobPodNeverStarts();
  }

  /**
   * Reclaims spot jobs at random: a Poisson process with this rate per emulated hour of training,
   * drawn from the emulator's seed when a spot job starts training.
   *
   * @param perEmulatedHour rate; 0 turns it off
   */
  public void spotPreemptionRate(double perEmulatedHour) {
    faults.preemptionRate(perEmulatedHour);
  }

  /** Drops the faults armed for jobs not yet created and the random rate. */
  public void resetFaults() {
    faults.reset();
  }

  /**
   * What a job's script did.
   *
   * @param jobId job id
   * @return the record, empty for an unknown job
   */
  public Optional<DlcTrainingRecord> training(String jobId) {
    return store.locked(() -> store.get(jobId).map(j -> j.training.record(j.id)));
  }

  /**
   * What every job's script did, oldest job first.
   *
   * @return records
   */
  public List<DlcTrainingRecord> trainings() {
    return store.locked(() -> store.all().stream().map(j -> j.training.record(j.id)).toList());
  }

  /** Stops the simulator thread. */
  @Override
  public void close() {
    simulator.close();
  }

  private void onLiveJob(String jobId, Consumer<DlcJob> change) {
    store.locked(
        () -> {
          DlcJob job =
              store
                  .get(jobId)
                  .orElseThrow(() -> new IllegalArgumentException("no DLC job " + jobId));
          if (job.training.ended() || job.status.terminal()) {
            throw new IllegalStateException("DLC job " + jobId + " has ended");
          }
          change.accept(job);
        });
  }
}
