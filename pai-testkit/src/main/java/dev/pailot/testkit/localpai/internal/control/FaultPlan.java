package dev.pailot.testkit.localpai.internal.control;

import dev.pailot.core.Product;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The faults LocalPai injects into control-plane answers: per-product ratios of throttling and
 * {@code ServiceUnavailable}, a count of forced failures for the next calls, and added latency.
 * Ratios draw from one seeded {@link Random}, so a run is repeatable for the same call order.
 * Thread-safe (one lock; draws are tiny).
 */
public final class FaultPlan {
  /** The kinds of injected failure. */
  public enum Kind {
    /** {@code Throttling.User}, HTTP 400, with an {@code x-ratelimit-user-api} wait hint. */
    THROTTLING,
    /** {@code ServiceUnavailable}, HTTP 503. */
    SERVICE_UNAVAILABLE
  }

  private final Random random;
  private final Clock clock;
  private final Map<Product, Double> throttling = new EnumMap<>(Product.class);
  private final Map<Product, Double> unavailable = new EnumMap<>(Product.class);
  private final Map<Product, Duration> latency = new EnumMap<>(Product.class);
  private final List<Forced> forced = new ArrayList<>();
  private Duration throttlingTimeLeft = Duration.ofMillis(100);

  /**
   * Creates an empty plan.
   *
   * @param seed seed for ratio draws
   * @param clock clock for the rate-limit reset time
   */
  public FaultPlan(long seed, Clock clock) {
    this.random = new Random(seed);
    this.clock = clock;
  }

  /**
   * Sets the share of a product's calls answered with {@link Kind}.
   *
   * @param product product
   * @param kind fault kind
   * @param ratio 0 (never) to 1 (always)
   */
  public synchronized void ratio(Product product, Kind kind, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be between 0 and 1, was " + ratio);
    }
    (kind == Kind.THROTTLING ? throttling : unavailable).put(product, ratio);
  }

  /**
   * Forces the next {@code times} calls of an action (or of any action if {@code null}) to fail.
   *
   * @param product product
   * @param action API action, or {@code null} for every action of the product
   * @param kind fault kind
   * @param times how many calls fail
   */
  public synchronized void failNext(Product product, String action, Kind kind, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    forced.add(new Forced(product, action, kind, times));
  }

  /**
   * Sets added latency for a product's answers.
   *
   * @param product product
   * @param delay delay, zero for none
   */
  public synchronized void latency(Product product, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    latency.put(product, delay);
  }

  /**
   * Sets the wait hint ({@code TimeLeft}) sent with throttling answers.
   *
   * @param timeLeft wait hint
   */
  public synchronized void throttlingTimeLeft(Duration timeLeft) {
    if (timeLeft.isNegative()) {
      throw new IllegalArgumentException("timeLeft must not be negative");
    }
    this.throttlingTimeLeft = timeLeft;
  }

  /** Removes every fault and latency. The random sequence continues. */
  public synchronized void reset() {
    throttling.clear();
    unavailable.clear();
    latency.clear();
    forced.clear();
  }

  /**
   * Decides whether this call fails; forced failures come first, then the ratios.
   *
   * @param product product
   * @param action matched action
   * @return the error to answer, if any
   */
  public synchronized Optional<ServiceError> draw(Product product, String action) {
    for (Iterator<Forced> it = forced.iterator(); it.hasNext(); ) {
      Forced f = it.next();
      if (f.product == product && (f.action == null || f.action.equals(action))) {
        if (--f.remaining == 0) {
          it.remove();
        }
        return Optional.of(error(f.kind));
      }
    }
    if (hit(throttling.getOrDefault(product, 0.0))) {
      return Optional.of(error(Kind.THROTTLING));
    }
    if (hit(unavailable.getOrDefault(product, 0.0))) {
      return Optional.of(error(Kind.SERVICE_UNAVAILABLE));
    }
    return Optional.empty();
  }

  /**
   * The latency to add to a product's answers.
   *
   * @param product product, or {@code null}
   * @return delay, zero for none
   */
  public synchronized Duration latency(Product product) {
    return product == null ? Duration.ZERO : latency.getOrDefault(product, Duration.ZERO);
  }

  private boolean hit(double ratio) {
    // Draw only when a ratio is set, so configuring one product does not shift another's sequence.
    return ratio > 0 && random.nextDouble() < ratio;
  }

  private ServiceError error(Kind kind) {
    if (kind == Kind.SERVICE_UNAVAILABLE) {
      return new ServiceError(
          503,
          "ServiceUnavailable",
          "The request has failed due to a temporary failure of the server.");
    }
    long left = throttlingTimeLeft.toMillis();
    long reset = clock.millis() + left;
    return new ServiceError(
        400,
        "Throttling.User",
        "Request was denied due to user flow control.",
        Map.of("x-ratelimit-user-api", "Limit:100,Remain:0,TimeLeft:" + left + ",Reset:" + reset));
  }

  private static final class Forced {
    final Product product;
    final String action;
    final Kind kind;
    int remaining;

    Forced(Product product, String action, Kind kind, int remaining) {
      this.product = product;
      this.action = action;
      this.kind = kind;
      this.remaining = remaining;
    }
  }
}
