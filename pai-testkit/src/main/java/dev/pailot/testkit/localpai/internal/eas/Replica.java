package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One instance (pod) of a service: its backend, when it becomes ready, and its restart history.
 * Readiness is computed from the clock when asked, so no timer is needed for it. Backends are
 * handed to a disposer to be closed, never closed under the store's monitor. Mutable; guarded by
 * the {@link EasStore} monitor, except {@link #backend()} which the gateway reads after picking.
 */
final class Replica {
  final String name;
  final Identity identity;
  final String ip;
  final Instant createdAt;
  private final Consumer<ServiceBackend> disposer;
  private volatile ServiceBackend backend;
  private Instant startedAt;
  private Instant readyAt;
  private String failure;
  private boolean closed;
  private int restartCount;
  private ObjectNode lastState;

  Replica(Identity identity, Instant createdAt, Consumer<ServiceBackend> disposer) {
    this.name = identity.name();
    this.identity = identity;
    this.ip = ip();
    this.createdAt = createdAt;
    this.disposer = disposer;
  }

  private static String ip() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10.224." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /**
   * What a replica is: its name and the rollout it belongs to.
   *
   * @param name pod-like instance name
   * @param version the service version it runs
   * @param generation the rollout counter of its service (a restart keeps the version but starts a
   *     new generation)
   * @param index 0-based index within the rollout
   */
  record Identity(String name, int version, int generation, int index) {}

  int version() {
    return identity.version();
  }

  int generation() {
    return identity.generation();
  }

  int index() {
    return identity.index();
  }

  /** Starts (or restarts) on a backend that is ready at {@code readyAt}. */
  void start(ServiceBackend backend, Instant startedAt, Instant readyAt) {
    this.backend = backend;
    this.startedAt = startedAt;
    this.readyAt = readyAt;
    this.failure = null;
  }

  /** Marks the replica as crashed on start: it never becomes ready. */
  void crash(Instant at, String reason) {
    this.backend = null;
    this.startedAt = at;
    this.readyAt = at;
    this.failure = reason;
  }

  /** Records a death before a restart: EAS shows it as {@code LastState} and counts it. */
  void died(Instant at, String reason) {
    restartCount++;
    lastState =
        JsonNodeFactory.instance
            .objectNode()
            .put("Reason", reason)
            .put("ExitCode", 137)
            .put("StartedAt", Emulation.seconds(startedAt))
            .put("FinishedAt", Emulation.seconds(at));
    ServiceBackend old = backend;
    backend = null;
    if (old != null) {
      disposer.accept(old);
    }
  }

  boolean ready(Instant now) {
    return !closed && backend != null && !now.isBefore(readyAt);
  }

  boolean scheduled(Instant now) {
    return !now.isBefore(startedAt);
  }

  boolean crashed() {
    return failure != null;
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  ServiceBackend backend() {
    return backend;
  }

  Instant startedAt() {
    return startedAt;
  }

  Instant readyAt() {
    return readyAt;
  }

  int restartCount() {
    return restartCount;
  }

  void restartCount(int count) {
    this.restartCount = count;
  }

  Optional<ObjectNode> lastState() {
    return Optional.ofNullable(lastState);
  }

  /** Stops the backend. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    ServiceBackend b = backend;
    if (b != null) {
      disposer.accept(b);
    }
  }
}
