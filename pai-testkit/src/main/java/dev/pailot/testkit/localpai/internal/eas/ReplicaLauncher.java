package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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

  ReplicaLauncher(Emulation emulation, List<BackendFactory> factories, long seed) {
    this.emulation = emulation;
    this.factories = List.copyOf(factories);
    this.seed = seed;
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
            instanceName(rollout.service(), version.version()),
            new Replica.Identity(version.version(), rollout.generation(), index),
            ip(),
            emulation.now());
    if (rollout.crash()) {
      r.crash(
          rollout.startAt(),
          "the container exited with code 1 on start (injected deployment failure)");
    } else {
      start(r, rollout.service(), version, rollout.startAt());
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
    start(replica, service, version, emulation.now());
  }

  private void start(Replica r, String service, ServiceVersion version, Instant startAt) {
    BackendContext context =
        new BackendContext(
            service,
            version.version(),
            r.index(),
            version.config(),
            seedFor(service, version, r),
            emulation);
    try {
      ServiceBackend backend = backend(context);
      r.start(backend, startAt, startAt.plus(backend.loadTime()));
    } catch (RuntimeException e) {
      // A backend that cannot start is a crashing container: the service shows it as Failed.
      LOG.debug("replica {} of {} failed to start", r.name, service, e);
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

  private static String ip() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10.224." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }
}
