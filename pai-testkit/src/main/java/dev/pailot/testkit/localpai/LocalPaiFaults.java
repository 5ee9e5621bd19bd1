package dev.pailot.testkit.localpai;

import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.eas.EasEmulation;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for a running {@link LocalPai}: throttling and {@code ServiceUnavailable} answers
 * by ratio or for the next N calls, and added latency, per product. Faults apply after the
 * signature check, so a faulted call is a correctly signed one that Alibaba Cloud refused.
 *
 * <p>The {@code eas*} methods act on emulated EAS services behind the gateway: added latency, a
 * share of HTTP 500 answers for a service or one of its versions (to exercise rollback), a replica
 * that dies and restarts, and a rollout whose containers crash.
 *
 * <pre>{@code
 * localPai.faults().failNext(Product.VPC, "CreateVpc", LocalPaiFaults.Fault.THROTTLING, 2);
 * localPai.faults().throttling(Product.ECS, 0.3).latency(Product.ECS, Duration.ofMillis(50));
 * localPai.faults().easErrors("qwen_chat", 2, 0.5);   // half of version 2's answers are 500
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
  private final EasEmulation eas;

  LocalPaiFaults(FaultPlan plan, EasEmulation eas) {
    this.plan = plan;
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

  /** Removes every fault and added latency, EAS faults included. */
  public void reset() {
    plan.reset();
    eas.faults().reset();
  }
}
