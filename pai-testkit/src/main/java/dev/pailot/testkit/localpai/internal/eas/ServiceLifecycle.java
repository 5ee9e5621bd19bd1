package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.eas.EasService.Phase;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves services through EAS's statuses (§3.4) and keeps their replicas in step. A new service is
 * {@code Creating} while it is scheduled, {@code Waiting} while its replicas load, then {@code
 * Running}; an update or rollback is {@code Updating}, a start {@code Starting}, a scale-out {@code
 * Scaling} until the new replicas are ready (old ones keep serving until then and are closed
 * after); stop is {@code Stopping} then {@code Stopped}; a rollout whose containers crash is {@code
 * Failed}. Transitions are computed from the clock when a service is read or ticked, so the status
 * never depends on a timer firing. Callers hold the {@link EasStore} monitor.
 */
final class ServiceLifecycle {
  /** Emulated minutes to schedule instances before their containers start. */
  static final double SCHEDULE_MINUTES = 0.25;

  /** Emulated minutes a stop or delete takes. */
  static final double TEARDOWN_MINUTES = 0.25;

  private final Emulation emulation;
  private final ReplicaLauncher launcher;
  private final EasFaults faults;

  ServiceLifecycle(Emulation emulation, ReplicaLauncher launcher, EasFaults faults) {
    this.emulation = emulation;
    this.launcher = launcher;
    this.faults = faults;
  }

  Emulation emulation() {
    return emulation;
  }

  /** Starts a new service: {@code Creating}, replicas start after scheduling. */
  void create(EasService s) {
    Instant now = emulation.now();
    enter(s, Phase.CREATING, "Creating", now);
    deploy(s, now);
  }

  /**
   * Rolls the current version out on new replicas ({@code Updating}, {@code Starting}); replicas of
   * the previous rollout keep serving until the new ones are ready.
   *
   * @param s service
   * @param label the status shown meanwhile
   */
  void rollout(EasService s, String label) {
    Instant now = emulation.now();
    // Replicas of an earlier rollout that never got ready would never serve: drop them now.
    s.retire(r -> !r.ready(now));
    enter(s, Phase.DEPLOYING, label, now);
    deploy(s, now);
  }

  private void deploy(EasService s, Instant now) {
    s.generation++;
    Rollout rollout =
        new Rollout(
            s.name,
            s.current(),
            s.generation,
            emulation.after(now, SCHEDULE_MINUTES),
            faults.takeDeploymentFailure(s.name));
    for (int i = 0; i < s.desired; i++) {
      s.replicas.add(launcher.launch(rollout, i));
    }
  }

  /** Sets the replica count: extra replicas close now, new ones load before taking traffic. */
  void scale(EasService s, int instances) {
    Instant now = emulation.now();
    int before = s.desired;
    s.desired = instances;
    s.updatedAt = now;
    if (s.phase == Phase.STOPPED || s.phase == Phase.STOPPING || s.deleting()) {
      return;
    }
    s.event(
        ServiceEvent.normal(
            now,
            "Scaling",
            ServiceEvent.message(s, "Scaling from " + before + " to " + instances, now)));
    var current = s.currentReplicas();
    if (current.size() > instances) {
      current.stream()
          .sorted(Comparator.comparingInt(Replica::index).reversed())
          .limit(current.size() - instances)
          .forEach(r -> s.retire(x -> x == r));
    } else if (current.size() < instances) {
      boolean crash = current.stream().anyMatch(Replica::crashed);
      Rollout more =
          new Rollout(
              s.name, s.current(), s.generation, emulation.after(now, SCHEDULE_MINUTES), crash);
      for (int i = 0; current.size() + i < instances; i++) {
        s.replicas.add(launcher.launch(more, nextIndex(s)));
      }
      if (s.phase == Phase.RUNNING) {
        enter(s, Phase.DEPLOYING, "Scaling", now);
      }
    }
  }

  private static int nextIndex(EasService s) {
    int i = 0;
    while (true) {
      int candidate = i;
      if (s.currentReplicas().stream().noneMatch(r -> r.index() == candidate)) {
        return candidate;
      }
      i++;
    }
  }

  /** Stops every replica: {@code Stopping}, then {@code Stopped}. */
  void stop(EasService s) {
    s.retire(r -> true);
    enter(s, Phase.STOPPING, "Stopping", emulation.now());
  }

  /** Starts a stopped or failed service; a running one is left as it is. */
  void start(EasService s) {
    if (s.phase == Phase.STOPPED || s.phase == Phase.STOPPING || s.phase == Phase.FAILED) {
      rollout(s, "Starting");
    }
  }

  /** Closes every replica and marks the service {@code Deleting}. */
  void delete(EasService s) {
    s.retire(r -> true);
    enter(s, Phase.DELETING, "Deleting", emulation.now());
  }

  /**
   * Applies the transitions that are due.
   *
   * @param s service
   * @return {@code true} once a deleted service is gone
   */
  boolean advance(EasService s) {
    Instant now = emulation.now();
    switch (s.phase) {
      case CREATING, DEPLOYING -> advanceRollout(s, now);
      case STOPPING -> {
        if (emulation.elapsed(s.phaseSince, TEARDOWN_MINUTES)) {
          Instant at = emulation.after(s.phaseSince, TEARDOWN_MINUTES);
          enter(s, Phase.STOPPED, "Stopped", at);
        }
      }
      case DELETING -> {
        return emulation.elapsed(s.phaseSince, TEARDOWN_MINUTES);
      }
      default -> {}
    }
    return false;
  }

  private void advanceRollout(EasService s, Instant now) {
    Optional<Replica> crashed =
        s.currentReplicas().stream().filter(r -> r.crashed() && r.scheduled(now)).findFirst();
    if (crashed.isPresent()) {
      s.failure =
          "Instance <"
              + crashed.get().name
              + "> not healthy: Instance crashed, please inspect instance log.";
      s.phase = Phase.FAILED;
      s.transition = "Failed";
      s.phaseSince = crashed.get().startedAt();
      s.event(
          ServiceEvent.warning(s.phaseSince, "Failed", ServiceEvent.message(s, s.failure, now)));
      return;
    }
    boolean scheduled =
        s.phase != Phase.CREATING || emulation.elapsed(s.phaseSince, SCHEDULE_MINUTES);
    if (scheduled && s.readyCurrent(now) >= s.desired) {
      Instant at =
          s.currentReplicas().stream()
              .map(Replica::readyAt)
              .max(Comparator.naturalOrder())
              .orElse(now);
      s.retire(r -> r.generation() != s.generation);
      enter(s, Phase.RUNNING, "Running", at.isAfter(now) ? now : at);
    }
  }

  /**
   * The status EAS would report now.
   *
   * @param s service (already advanced)
   * @return status
   */
  String status(EasService s) {
    if (s.phase == Phase.CREATING) {
      return emulation.elapsed(s.phaseSince, SCHEDULE_MINUTES) ? "Waiting" : "Creating";
    }
    return s.transition;
  }

  /** {@code Message} of the service object. */
  String statusMessage(EasService s) {
    return s.phase == Phase.FAILED
        ? s.failure
        : "Service is now " + status(s).toLowerCase(Locale.ROOT);
  }

  /**
   * Kills one ready replica; it is restarted at once and loads again ({@code RestartCount}+1).
   *
   * @param s service
   * @return the killed instance's name, empty when no replica was ready
   */
  Optional<String> kill(EasService s) {
    Instant now = emulation.now();
    Optional<Replica> victim = s.replicas.stream().filter(r -> r.ready(now)).findFirst();
    victim.ifPresent(
        r -> {
          r.died(now, "Error");
          s.event(
              ServiceEvent.pod(
                  now,
                  "Warning",
                  "InstanceRestart",
                  r.name,
                  "Instance <" + r.name + "> exited with code 137 and is restarting"));
          launcher.restart(r, s.name, s.versions.get(r.version() - 1));
        });
    return victim.map(r -> r.name);
  }

  /**
   * Replaces instances by new ones of the same rollout ({@code DeleteServiceInstances}).
   *
   * @param s service
   * @param replica the instance to replace
   */
  void replace(EasService s, Replica replica) {
    Instant now = emulation.now();
    s.retire(r -> r == replica);
    if (replica.generation() == s.generation) {
      Rollout again =
          new Rollout(
              s.name,
              s.versions.get(replica.version() - 1),
              s.generation,
              emulation.after(now, SCHEDULE_MINUTES),
              false);
      s.replicas.add(launcher.launch(again, replica.index()));
    }
    s.event(
        ServiceEvent.pod(
            now,
            "Normal",
            "Killing",
            replica.name,
            "Instance <" + replica.name + "> was deleted and is replaced"));
  }

  /**
   * Removes one instance without a replacement ({@code ScaleService InstancesToDelete}).
   *
   * @param s service
   * @param replica the instance
   */
  void remove(EasService s, Replica replica) {
    s.retire(r -> r == replica);
    s.event(
        ServiceEvent.pod(
            emulation.now(),
            "Normal",
            "Killing",
            replica.name,
            "Instance <" + replica.name + "> was deleted"));
  }

  private void enter(EasService s, Phase phase, String label, Instant at) {
    s.phase = phase;
    s.transition = label;
    s.phaseSince = at;
    s.updatedAt = at;
    s.event(
        ServiceEvent.normal(
            at,
            label,
            ServiceEvent.message(s, "Service is now " + label.toLowerCase(Locale.ROOT), at)));
  }
}
