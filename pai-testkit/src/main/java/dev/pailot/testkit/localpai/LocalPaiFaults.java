package dev.pailot.testkit.localpai;

import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.dlc.DlcEmulator;
import dev.pailot.testkit.localpai.internal.eas.EasEmulation;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for a running {@link LocalPai}: throttling and {@code ServiceUnavailable} answers
 * by ratio or for the next N calls, and added latency, per product. Faults apply after the
 * signature check, so a faulted call is a correctly signed one that Alibaba Cloud refused.
 *
 * <pre>{@code
 * localPai.faults().failNext(Product.VPC, "CreateVpc", LocalPaiFaults.Fault.THROTTLING, 2);
 * localPai.faults().throttling(Product.ECS, 0.3).latency(Product.ECS, Duration.ofMillis(50));
 * }</pre>
 *
 * <p>DLC training jobs take faults of their own: a reclaimed spot instance at a given step ({@link
 * #preemptDlcJob}, {@link #preemptNextSpotDlcJob}, or at random with {@link
 * #dlcSpotPreemptionRate}), a failing training script ({@link #failDlcJob}, {@link
 * #failNextDlcJob}), and a pod that never starts ({@link #dlcPodNeverStarts}, {@link
 * #nextDlcJobPodNeverStarts}). A fault "at step N" strikes after step N is computed and before its
 * checkpoint is complete.
 *
 * <pre>{@code
 * localPai.faults().preemptNextSpotDlcJob(40);   // the next spot job is reclaimed at step 40
 * }</pre>
 *
 * <p>Ratios draw from a random sequence seeded by {@link LocalPaiOptions#randomSeed()}.
 * Thread-safe; changes apply to the next request.
 */
public final class LocalPaiFaults {
  /** What an injected failure looks like. */
  public enum Fault {
    /**
     * {@code Throttling.User}, HTTP 400 as on Alibaba Cloud, with header {@code
     * x-ratelimit-user-api: Limit:100,Remain:0,TimeLeft:<ms>,Reset:<epoch ms>}.
     */
    THROTTLING,
    /** {@code ServiceUnavailable}, HTTP 503. */
    SERVICE_UNAVAILABLE
  }

  private final FaultPlan plan;
  private final DlcEmulator dlc;
  private final EasEmulation eas;

  LocalPaiFaults(FaultPlan plan, DlcEmulator dlc, EasEmulation eas) {
    this.plan = plan;
    this.dlc = dlc;
    this.eas = eas;
  }

  /**
   * Answers a share of a product's calls with {@code Throttling.User}.
   *
   * @param product product
   * @param ratio 0 (never, the default) to 1 (always)
   * @return this
   * @throws IllegalArgumentException if the ratio is outside 0..1
   */
  public LocalPaiFaults throttling(Product product, double ratio) {
    plan.ratio(Objects.requireNonNull(product, "product"), FaultPlan.Kind.THROTTLING, ratio);
    return this;
  }

  /**
   * Answers a share of a product's calls with {@code ServiceUnavailable} (503).
   *
   * @param product product
   * @param ratio 0 (never, the default) to 1 (always)
   * @return this
   * @throws IllegalArgumentException if the ratio is outside 0..1
   */
  public LocalPaiFaults serviceUnavailable(Product product, double ratio) {
    plan.ratio(
        Objects.requireNonNull(product, "product"), FaultPlan.Kind.SERVICE_UNAVAILABLE, ratio);
    return this;
  }

  /**
   * Fails the next {@code times} calls of one action, deterministically (checked before ratios).
   *
   * @param product product
   * @param action API action, e.g. {@code CreateVpc}, or {@code null} for any action of the product
   * @param fault how they fail
   * @param times how many calls fail, at least 1
   * @return this
   */
  public LocalPaiFaults failNext(Product product, String action, Fault fault, int times) {
    plan.failNext(
        Objects.requireNonNull(product, "product"),
        action,
        fault == Fault.THROTTLING ? FaultPlan.Kind.THROTTLING : FaultPlan.Kind.SERVICE_UNAVAILABLE,
        times);
    return this;
  }

  /**
   * Delays every answer of a product (without blocking LocalPai's event loop).
   *
   * @param product product
   * @param delay added latency; zero removes it
   * @return this
   */
  public LocalPaiFaults latency(Product product, Duration delay) {
    plan.latency(Objects.requireNonNull(product, "product"), Objects.requireNonNull(delay));
    return this;
  }

  /**
   * Sets the {@code TimeLeft} wait hint sent with throttling answers. Default 100 ms.
   *
   * @param timeLeft wait hint
   * @return this
   */
  public LocalPaiFaults throttlingTimeLeft(Duration timeLeft) {
    plan.throttlingTimeLeft(Objects.requireNonNull(timeLeft, "timeLeft"));
    return this;
  }

  /**
   * Reclaims the spot instance of a running or queued DLC job when its training reaches {@code
   * atStep} (at once if it is past it): the job fails with {@code ReasonCode} {@code
   * SpotInstanceReclaimed} and evicted pods. If {@code atStep} is a checkpoint step, that
   * checkpoint is left half-written, without its marker.
   *
   * @param jobId DLC job id
   * @param atStep training step, e.g. 40
   * @return this
   * @throws IllegalArgumentException for an unknown job or one without {@code SpotSpec}
   * @throws IllegalStateException if the job's training has ended
   */
  public LocalPaiFaults preemptDlcJob(String jobId, long atStep) {
    dlc.preempt(Objects.requireNonNull(jobId, "jobId"), atStep);
    return this;
  }

  /**
   * Reclaims the next DLC job created with a {@code SpotSpec} when it reaches {@code atStep}. Each
   * call arms one more job, in order.
   *
   * @param atStep training step
   * @return this
   */
  public LocalPaiFaults preemptNextSpotDlcJob(long atStep) {
    dlc.preemptNextSpotJob(atStep);
    return this;
  }

  /**
   * Reclaims spot DLC jobs at random, on average {@code perEmulatedHour} times per emulated hour of
   * training, with draws seeded by {@link LocalPaiOptions#randomSeed()}. Applies to jobs that start
   * training after the call.
   *
   * @param perEmulatedHour rate; 0 (the default) turns it off
   * @return this
   * @throws IllegalArgumentException if negative or not finite
   */
  public LocalPaiFaults dlcSpotPreemptionRate(double perEmulatedHour) {
    if (!(perEmulatedHour >= 0) || Double.isInfinite(perEmulatedHour)) {
      throw new IllegalArgumentException("rate must be finite and not negative");
    }
    dlc.spotPreemptionRate(perEmulatedHour);
    return this;
  }

  /**
   * Makes a DLC job's training script fail when it reaches {@code atStep}: it prints a traceback
   * and exits with {@code exitCode}; the job fails ({@code ReasonCode} {@code JobFailed}).
   *
   * @param jobId DLC job id
   * @param atStep training step
   * @param exitCode exit code, e.g. 1
   * @return this
   * @throws IllegalArgumentException for an unknown job
   * @throws IllegalStateException if the job's training has ended
   */
  public LocalPaiFaults failDlcJob(String jobId, long atStep, int exitCode) {
    dlc.fail(Objects.requireNonNull(jobId, "jobId"), atStep, exitCode);
    return this;
  }

  /**
   * Makes the training script of the next DLC job created fail at {@code atStep}. Each call arms
   * one more job, in order.
   *
   * @param atStep training step
   * @param exitCode exit code, e.g. 1
   * @return this
   */
  public LocalPaiFaults failNextDlcJob(long atStep, int exitCode) {
    dlc.failNextJob(atStep, exitCode);
    return this;
  }

  /**
   * Keeps the last pod of a DLC job {@code Pending} (image pull back-off), so the job stays {@code
   * EnvPreparing} until stopped: what the SDK's gang-start guard must catch.
   *
   * @param jobId DLC job id, not yet past {@code EnvPreparing}
   * @return this
   * @throws IllegalArgumentException for an unknown job
   * @throws IllegalStateException if its pods have started
   */
  public LocalPaiFaults dlcPodNeverStarts(String jobId) {
    dlc.podNeverStarts(Objects.requireNonNull(jobId, "jobId"));
    return this;
  }

  /**
   * Keeps the last pod of the next DLC job created {@code Pending} forever. Each call arms one more
   * job, in order.
   *
   * @return this
   */
  public LocalPaiFaults nextDlcJobPodNeverStarts() {
    dlc.nextJobPodNeverStarts();
    return this;
  }

  /**
   * Delays every gateway answer of an EAS service (without blocking LocalPai's event loop).
   *
   * @param service service name
   * @param delay added latency; zero removes it
   * @return this
   * @throws IllegalArgumentException if the delay is negative
   */
  public LocalPaiFaults easLatency(String service, Duration delay) {
    eas.faults().latency(service, Objects.requireNonNull(delay, "delay"));
    return this;
  }

  /**
   * Delays the answers that replicas of one version of an EAS service give: a slow release that a
   * blue-green gate should catch and roll back.
   *
   * @param service service name
   * @param version the version ({@code CurrentVersion} numbering, from 1)
   * @param delay added latency; zero removes it
   * @return this
   * @throws IllegalArgumentException if the delay is negative or the version is below 1
   */
  public LocalPaiFaults easLatency(String service, int version, Duration delay) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
    eas.faults().latency(service, version, Objects.requireNonNull(delay, "delay"));
    return this;
  }

  /**
   * Answers a share of an EAS service's requests with HTTP 500, whichever version serves them.
   *
   * @param service service name
   * @param ratio 0 (never, the default) to 1 (always)
   * @return this
   * @throws IllegalArgumentException if the ratio is outside 0..1
   */
  public LocalPaiFaults easErrors(String service, double ratio) {
    eas.faults().errors(service, 0, ratio);
    return this;
  }

  /**
   * Answers a share of the requests that replicas of one version of an EAS service serve with HTTP
   * 500, e.g. to make a new version fail its canary and be rolled back.
   *
   * @param service service name
   * @param version the version ({@code CurrentVersion} numbering, from 1)
   * @param ratio 0 (never, the default) to 1 (always)
   * @return this
   * @throws IllegalArgumentException if the ratio is outside 0..1 or the version is below 1
   */
  public LocalPaiFaults easErrors(String service, int version, double ratio) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
    eas.faults().errors(service, version, ratio);
    return this;
  }

  /**
   * Makes the next rollout of an EAS service (create, update, rollback or start) crash on start:
   * the service turns {@code Failed} with a warning event, and replicas of the previous rollout
   * keep serving. Used up by that rollout.
   *
   * @param service service name
   * @return this
   */
  public LocalPaiFaults easFailNextDeployment(String service) {
    eas.faults().failNextDeployment(service);
    return this;
  }

  /**
   * Kills one ready replica of an EAS service now: it is closed and restarted, stops taking traffic
   * until it has loaded again, and its {@code RestartCount} grows.
   *
   * @param service service name
   * @return the killed instance's name
   * @throws IllegalArgumentException if no such service exists
   * @throws IllegalStateException if the service has no ready replica
   */
  public String easKillReplica(String service) {
    return eas.killReplica(Objects.requireNonNull(service, "service"))
        .orElseThrow(
            () -> new IllegalStateException("EAS service " + service + " has no ready replica"));
  }

  /**
   * Removes every fault and added latency, EAS faults included, and DLC faults armed for jobs not
   * yet created and the random spot reclamation rate (faults already given to existing jobs stay).
   */
  public void reset() {
    plan.reset();
    dlc.resetFaults();
    eas.faults().reset();
  }
}
