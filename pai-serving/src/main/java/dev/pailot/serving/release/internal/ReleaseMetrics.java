package dev.pailot.serving.release.internal;

import dev.pailot.observability.prometheus.LifecycleMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Release meters, named so Prometheus exposes {@code pailot_release_rollbacks_total{service,gate}}
 * (the alert "a blue-green rollback happened" fires on its increase) and the gauge {@code
 * pailot_release_stage_percent{service,group}}: green's share of traffic while a release runs. One
 * instance per registry; thread-safe.
 */
public final class ReleaseMetrics {
  /** Counter of rollbacks, tags {@code service} (green) and {@code gate} (the failing gate). */
  public static final String ROLLBACKS = "pailot.release.rollbacks";

  /** Gauge of green's share of traffic in percent, tags {@code service} and {@code group}. */
  public static final String STAGE = "pailot.release.stage.percent";

  private static final Map<MeterRegistry, ReleaseMetrics> BY_REGISTRY =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final ReleaseMetrics NONE = new ReleaseMetrics(null);

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> stages = new ConcurrentHashMap<>();

  private ReleaseMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The meters of one registry.
   *
   * @param registry registry, {@code null} when the {@code Pai} has none (nothing is recorded)
   * @return its release meters
   */
  public static ReleaseMetrics of(MeterRegistry registry) {
    return registry == null ? NONE : BY_REGISTRY.computeIfAbsent(registry, ReleaseMetrics::new);
  }

  /**
   * Counts a rollback.
   *
   * @param green the rolled back service
   * @param gate the failing gate, or the reason ({@code resume}, {@code error})
   */
  public void rollback(String green, String gate) {
    if (registry == null) {
      return;
    }
    LifecycleMetrics.on(registry).releaseRolledBack(green, gate);
  }

  /**
   * Sets green's share of traffic.
   *
   * @param group group name
   * @param green green service
   * @param percent share in percent
   */
  public void stage(String group, String green, int percent) {
    if (registry == null) {
      return;
    }
    stages
        .computeIfAbsent(
            group + '/' + green,
            k -> {
              AtomicInteger value = new AtomicInteger();
              Gauge.builder(STAGE, value, AtomicInteger::get)
                  .description("Green's share of group traffic in a blue-green release, percent")
                  .tag("service", green)
                  .tag("group", group)
                  .strongReference(true)
                  .register(registry);
              return value;
            })
        .set(percent);
  }
}
