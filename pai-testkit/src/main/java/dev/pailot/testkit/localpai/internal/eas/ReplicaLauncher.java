package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts replicas: asks the registered {@link BackendFactory}s in order for the replica's backend
 * (the first that answers wins), falls back to {@link EchoBackend}, and schedules readiness after
 * the backend's load time. A factory that throws crashes the replica, as a container that exits on
 * start does. Thread-safe (stateless besides its inputs).
 */
final class ReplicaLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLauncher.class);

  private final Emulation emulation;
  private final List<BackendFactory> factories;
  private final long seed;
  private final Consumer<ServiceBackend> disposer;

  /**
   * Where backends come from and go to.
   *
   * @param factories backend factories, asked in order
   * @param seed emulator seed, mixed into each replica's seed
   * @param disposer closes backends of retired replicas (off the store's monitor)
   */
  record Backends(List<BackendFactory> factories, long seed, Consumer<ServiceBackend> disposer) {
    /** Copies the factories. */
    Backends {
      factories = List.copyOf(factories);
    }
  }

  ReplicaLauncher(Emulation emulation, Backends backends) {
    this.emulation = emulation;
    this.factories = backends.factories();
    this.seed = backends.seed();
    this.disposer = backends.disposer();
  }

  /**
   * Creates a replica of a rollout: it starts at the rollout's start time (after scheduling) and
   * becomes ready one load time later.
   *
   * @param rollout the rollout
   * @param index 0-based replica index
   * @return the replica
   */
  Replica launch(Rollout rollout, int index) {
    ServiceVersion version = rollout.version();
    Replica r =
        new Replica(
            new Replica.Identity(
                instanceName(rollout.service(), version.version()),
                version.version(),
                rollout.generation(),
                index),
            emulation.now(),
            disposer);
    if (rollout.crash()) {
      r.crash(
          rollout.startAt(),
          "the container exited with code 1 on start (injected deployment failure)");
    } else {
      start(r, rollout);
    }
    return r;
  }

  /**
   * Starts a replica's backend again after it died; readiness follows one load time later.
   *
   * @param replica the replica
   * @param service service name
   * @param version the version it runs
   */
  void restart(Replica replica, String service, ServiceVersion version) {
    start(replica, new Rollout(service, version, replica.generation(), emulation.now(), false));
  }

  private void start(Replica r, Rollout rollout) {
    ServiceVersion version = rollout.version();
    BackendContext context =
        new BackendContext(
            rollout.service(),
            version.version(),
            r.index(),
            version.config(),
            seedFor(rollout.service(), version, r),
            emulation);
    Instant startAt = rollout.startAt();
    try {
      ServiceBackend backend = backend(context);
      r.start(backend, startAt, startAt.plus(backend.loadTime()));
    } catch (RuntimeException e) {
      // A backend that cannot start is a crashing container: the service shows it as Failed.
      LOG.debug("replica {} of {} failed to start", r.name, rollout.service(), e);
      r.crash(startAt, "the container exited on start: " + e.getClass().getSimpleName());
    }
  }

  private ServiceBackend backend(BackendContext context) {
    for (BackendFactory f : factories) {
      Optional<ServiceBackend> b = f.create(context);
      if (b.isPresent()) {
        return b.get();
      }
    }
    return new EchoBackend(EchoBackend.defaultLoadTime(context.serviceConfig(), emulation));
  }

  private long seedFor(String service, ServiceVersion version, Replica r) {
    long h = seed;
    h = h * 1_000_003L + service.hashCode();
    h = h * 1_000_003L + version.version();
    return h * 1_000_003L + r.index();
  }

  /** Pod-like names as EAS shows them: {@code my-svc-5ff76448fd-h9dsn}. */
  private String instanceName(String service, int version) {
    String base = service.replace('_', '-').toLowerCase(Locale.ROOT);
    String template =
        String.format(Locale.ROOT, "%010x", (service + "/" + version).hashCode() & 0xffffffffL);
    return base + "-" + template + "-" + emulation.newId("", 5);
  }
}
