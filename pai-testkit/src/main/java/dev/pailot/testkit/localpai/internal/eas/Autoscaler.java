package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.eas.AutoscalerConfig.Behavior;
import dev.pailot.testkit.localpai.internal.eas.AutoscalerConfig.Strategy;
import dev.pailot.testkit.localpai.internal.eas.EasService.Phase;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Duration;
import java.time.Instant;

/**
 * EAS's horizontal autoscaler, evaluated on every tick: the recommendation is the measured QPS
 * divided by the per-instance threshold (rounded up) within {@code [min, max]}; it is applied after
 * the stabilization windows (emulated seconds) have held it, and scaling to zero waits for the
 * no-traffic grace period. CPU and GPU strategies have no signal in an emulator and keep the
 * current count. Callers hold the {@link EasStore} monitor.
 */
final class Autoscaler {
  private final Emulation emulation;
  private final ServiceLifecycle lifecycle;

  Autoscaler(Emulation emulation, ServiceLifecycle lifecycle) {
    this.emulation = emulation;
    this.lifecycle = lifecycle;
  }

  /** Installs or replaces a service's autoscaler; its windows start now. */
  void configure(EasService s, AutoscalerConfig config) {
    s.autoscaler = config;
    s.scaling.reset(emulation.now(), s.desired);
  }

  /** Applies one evaluation to a service with an autoscaler. */
  void evaluate(EasService s) {
    AutoscalerConfig a = s.autoscaler;
    if (a == null || (s.phase != Phase.RUNNING && s.phase != Phase.DEPLOYING)) {
      return;
    }
    Instant now = emulation.now();
    Behavior b = a.behavior();
    int recommended = recommend(s, a, now);
    Instant upSince = now.minus(window(b.scaleUpWindow()));
    Instant downSince = now.minus(window(b.scaleDownWindow()));
    s.scaling.record(now, recommended, upSince.isBefore(downSince) ? upSince : downSince);
    int target = s.desired;
    if (recommended > s.desired) {
      target = Math.max(s.desired, s.scaling.lowestSince(upSince));
    } else if (recommended < s.desired) {
      target = Math.min(s.desired, s.scaling.highestSince(downSince));
    }
    if (target != s.desired) {
      lifecycle.scale(s, target);
    }
  }

  /**
   * Wakes a service scaled to zero when a request arrives for it.
   *
   * @param s the service
   * @return {@code true} if replicas were started
   */
  boolean activate(EasService s) {
    AutoscalerConfig a = s.autoscaler;
    if (a == null || s.desired > 0 || s.phase != Phase.RUNNING) {
      return false;
    }
    int replicas = Math.max(1, Math.min(a.max(), a.behavior().activationReplicas()));
    s.scaling.reset(emulation.now(), replicas);
    lifecycle.scale(s, replicas);
    return true;
  }

  private int recommend(EasService s, AutoscalerConfig a, Instant now) {
    long nowMillis = now.toEpochMilli();
    int recommended = 0;
    for (Strategy st : a.strategies()) {
      recommended =
          Math.max(
              recommended,
              st.metricName().equals("qps")
                  ? (int) Math.ceil(s.qps.qps(nowMillis) / st.threshold())
                  : s.desired);
    }
    recommended = Math.max(a.min(), Math.min(a.max(), recommended));
    if (recommended == 0 && !idleLongEnough(s, a, now)) {
      // Scaling to zero needs the grace period without any request.
      recommended = Math.min(1, a.max());
    }
    return recommended;
  }

  private boolean idleLongEnough(EasService s, AutoscalerConfig a, Instant now) {
    long last = s.qps.lastRequestMillis();
    Instant since = last == Long.MIN_VALUE ? s.scaling.start() : Instant.ofEpochMilli(last);
    return !now.minus(window(a.behavior().zeroGrace())).isBefore(since);
  }

  /** Real time of {@code seconds} emulated seconds. */
  private Duration window(int seconds) {
    Instant t = Instant.EPOCH;
    return Duration.between(t, emulation.after(t, seconds / 60.0));
  }

  /**
   * The measured value of a strategy's metric, for {@code CurrentMetrics}.
   *
   * @param s service
   * @param st strategy
   * @return QPS for {@code qps}; 0 for metrics an emulator cannot measure
   */
  double currentValue(EasService s, Strategy st) {
    return st.metricName().equals("qps") ? s.qps.qps(emulation.now().toEpochMilli()) : 0;
  }
}
