package dev.pailot.testkit.localpai;

import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
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

  LocalPaiFaults(FaultPlan plan) {
    this.plan = plan;
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

  /** Removes every fault and added latency. */
  public void reset() {
    plan.reset();
  }
}
