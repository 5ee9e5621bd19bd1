package dev.pailot.testkit.localpai.internal.eas;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Faults injected into emulated EAS services: added gateway latency, a share of 5xx answers for a
 * service or for one of its versions, and a crash of the next rollout. Ratios draw from one seeded
 * {@link Random}, so a run is repeatable for the same request order. Thread-safe (one lock; draws
 * are tiny).
 */
public final class EasFaults {
  /** Error ratios for every version of a service are keyed with this version. */
  private static final int ANY_VERSION = 0;

  private final Random random;
  private final Map<VersionKey, Duration> latency = new HashMap<>();
  private final Map<VersionKey, Double> errors = new HashMap<>();
  private final Set<String> failingDeployments = new HashSet<>();

  /**
   * Creates an empty plan.
   *
   * @param seed seed for ratio draws
   */
  public EasFaults(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Adds latency to every gateway answer of a service (scheduled, never slept).
   *
   * @param service service name
   * @param delay delay, zero to remove
   * @throws IllegalArgumentException if negative
   */
  public synchronized void latency(String service, Duration delay) {
    latency(service, ANY_VERSION, delay);
  }

  /**
   * Adds latency to the answers that replicas of one version of a service give (a slow release).
   *
   * @param service service name
   * @param version the version, or 0 for every version
   * @param delay delay, zero to remove
   * @throws IllegalArgumentException if negative
   */
  public synchronized void latency(String service, int version, Duration delay) {
    Objects.requireNonNull(service, "service");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be 0 (any) or a service version");
    }
    latency.put(new VersionKey(service, version), delay);
  }

  /**
   * Answers a share of a service's requests with HTTP 500.
   *
   * @param service service name
   * @param version only requests served by replicas of this version, or 0 for every version
   * @param ratio 0 (never) to 1 (always)
   * @throws IllegalArgumentException if the ratio is outside 0..1 or the version is negative
   */
  public synchronized void errors(String service, int version, double ratio) {
    Objects.requireNonNull(service, "service");
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be between 0 and 1, was " + ratio);
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be 0 (any) or a service version");
    }
    errors.put(new VersionKey(service, version), ratio);
  }

  /**
   * Makes the next rollout of a service (create, update, rollback, start) crash on start, so the
   * service turns {@code Failed}. Consumed by that rollout.
   *
   * @param service service name
   */
  public synchronized void failNextDeployment(String service) {
    failingDeployments.add(Objects.requireNonNull(service, "service"));
  }

  /** Removes every EAS fault. The random sequence continues. */
  public synchronized void reset() {
    latency.clear();
    errors.clear();
    failingDeployments.clear();
  }

  synchronized Duration latency(String service, int version) {
    Duration any = latency.getOrDefault(new VersionKey(service, ANY_VERSION), Duration.ZERO);
    Duration own = latency.getOrDefault(new VersionKey(service, version), Duration.ZERO);
    return any.compareTo(own) >= 0 ? any : own;
  }

  synchronized boolean drawError(String service, int version) {
    double ratio =
        Math.max(
            errors.getOrDefault(new VersionKey(service, ANY_VERSION), 0.0),
            errors.getOrDefault(new VersionKey(service, version), 0.0));
    // Draw only when a ratio is set, so one service's fault does not shift another's sequence.
    return ratio > 0 && random.nextDouble() < ratio;
  }

  synchronized boolean takeDeploymentFailure(String service) {
    return failingDeployments.remove(service);
  }

  private record VersionKey(String service, int version) {}
}
