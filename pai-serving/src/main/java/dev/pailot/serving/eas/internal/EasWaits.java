package dev.pailot.serving.eas.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.core.waiter.WaiterPoll;
import dev.pailot.serving.eas.DeploymentMismatchException;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceDiagnosis;
import dev.pailot.serving.eas.ServiceEvent;
import dev.pailot.serving.eas.ServiceFailedException;
import dev.pailot.serving.eas.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The EAS waiters: control-plane status (DescribeService) and data-plane readiness (the service's
 * own endpoint). Polling runs on the core {@link Waiter} (Failsafe). Thread-safe.
 */
public final class EasWaits {
  private final EasApi api;
  private final Readiness readiness;
  private final Duration minDelay;
  private final Duration maxDelay;

  /**
   * Creates the waiters.
   *
   * @param api service API
   * @param readiness data-plane prober
   * @param minDelay first poll delay
   * @param maxDelay largest poll delay
   */
  public EasWaits(EasApi api, Readiness readiness, Duration minDelay, Duration maxDelay) {
    this.api = api;
    this.readiness = readiness;
    this.minDelay = minDelay;
    this.maxDelay = maxDelay;
  }

  /**
   * Waits until the service is {@code Running} and {@code ready} holds, failing fast on {@code
   * Failed} with the events and diagnosis.
   *
   * @param name service
   * @param timeout deadline
   * @param ready extra condition (e.g. the expected version is live)
   * @param onPoll progress callback, or {@code null}
   * @return the service
   */
  public EasService untilRunning(
      String name, Duration timeout, Predicate<EasService> ready, Consumer<WaiterPoll> onPoll) {
    Instant started = Instant.now().minusSeconds(60);
    try {
      return Waiter.<EasService>builder("EAS service " + name + " Running")
          .poll(() -> api.describe(name))
          .state(s -> s.status().wireValue())
          .until(s -> s.status() == ServiceStatus.RUNNING && ready.test(s))
          .failWhen(
              s -> s.status() == ServiceStatus.FAILED || s.status() == ServiceStatus.DELETE_FAILED)
          .delays(minDelay, maxDelay)
          .timeout(timeout)
          .onPoll(p -> report(name, p, onPoll))
          .build()
          .await();
    } catch (WaiterUnrecoverableStateException e) {
      throw failed(name, started);
    }
  }

  /**
   * Waits until the service runs {@code expected} as its current version. Fails fast on {@code
   * Failed} (with events and diagnosis). With {@code detectRollback}, also fails when, after the
   * rollout was seen in progress (a status other than {@code Running}, or the expected version
   * live), the service is {@code Running} on another version for three polls: a silent rollback.
   * Without a rollout seen, a service still {@code Running} the old version is waited for.
   *
   * @param name service
   * @param expected the version deployed
   * @param detectRollback whether to fail on a silent rollback
   * @param timeout deadline
   * @param onPoll progress callback, or {@code null}
   * @return the service
   * @throws DeploymentMismatchException on a silent rollback
   */
  public EasService untilVersion(
      String name,
      int expected,
      boolean detectRollback,
      Duration timeout,
      Consumer<WaiterPoll> onPoll) {
    Instant started = Instant.now().minusSeconds(60);
    AtomicInteger stale = new AtomicInteger();
    AtomicBoolean rolling = new AtomicBoolean();
    try {
      return Waiter.<EasService>builder("EAS service " + name + " Running version " + expected)
          .poll(() -> api.describe(name))
          .state(s -> s.status().wireValue() + " v" + s.currentVersion())
          .until(s -> s.status() == ServiceStatus.RUNNING && s.currentVersion() == expected)
          .failWhen(
              s -> {
                if (s.status() == ServiceStatus.FAILED
                    || s.status() == ServiceStatus.DELETE_FAILED) {
                  return true;
                }
                if (s.status() != ServiceStatus.RUNNING || s.currentVersion() == expected) {
                  rolling.set(true);
                  stale.set(0);
                  return false;
                }
                return detectRollback && rolling.get() && stale.incrementAndGet() >= 3;
              })
          .delays(minDelay, maxDelay)
          .timeout(timeout)
          .onPoll(p -> report(name, p, onPoll))
          .build()
          .await();
    } catch (WaiterUnrecoverableStateException e) {
      EasService last = api.describe(name);
      if (last.status() == ServiceStatus.RUNNING) {
        throw new DeploymentMismatchException(
            last, List.of("version: expected " + expected + ", live " + last.currentVersion()));
      }
      throw failed(name, started);
    }
  }

  /**
   * Waits until the service reaches {@code target} (e.g. {@code Stopped}).
   *
   * @param name service
   * @param target status
   * @param timeout deadline
   * @return the service
   */
  public EasService untilStatus(String name, ServiceStatus target, Duration timeout) {
    return Waiter.<EasService>builder("EAS service " + name + " " + target.wireValue())
        .poll(() -> api.describe(name))
        .state(s -> s.status().wireValue())
        .until(s -> s.status() == target)
        .failWhen(s -> s.status() == ServiceStatus.FAILED && target != ServiceStatus.FAILED)
        .delays(minDelay, maxDelay)
        .timeout(timeout)
        .onPoll(p -> report(name, p, null))
        .build()
        .await();
  }

  /**
   * Waits until DescribeService answers not-found.
   *
   * @param name service
   * @param timeout deadline
   */
  public void untilDeleted(String name, Duration timeout) {
    Waiter.<java.util.Optional<EasService>>builder("EAS service " + name + " deleted")
        .poll(
            () -> {
              try {
                return java.util.Optional.of(api.describe(name));
              } catch (dev.pailot.core.error.ResourceNotFoundException e) {
                return java.util.Optional.empty();
              }
            })
        .state(o -> o.map(s -> s.status().wireValue()).orElse("gone"))
        .until(java.util.Optional::isEmpty)
        .failWhen(o -> o.filter(s -> s.status() == ServiceStatus.DELETE_FAILED).isPresent())
        .delays(minDelay, maxDelay)
        .timeout(timeout)
        .build()
        .await();
  }

  /**
   * Waits until the endpoint answers through the inference path.
   *
   * @param service the service (endpoint and token)
   * @param endpoint the endpoint URL
   * @param timeout deadline
   * @param onPoll progress callback, or {@code null}
   * @return the last probe
   */
  public Readiness.Probe untilServing(
      EasService service, String endpoint, Duration timeout, Consumer<WaiterPoll> onPoll) {
    String token = service.accessToken().orElse(null);
    return Waiter.<Readiness.Probe>builder("EAS service " + service.name() + " serving")
        .poll(() -> readiness.probe(endpoint, token))
        .state(p -> p.status() < 0 ? "unreachable" : "HTTP " + p.status() + " on " + p.path())
        .until(Readiness.Probe::ready)
        .delays(minDelay, maxDelay)
        .timeout(timeout)
        .onPoll(p -> report(service.name(), p, onPoll))
        .build()
        .await();
  }

  /**
   * The failure exception with events and diagnosis (both best effort).
   *
   * @param name service
   * @param since events from
   * @return the exception
   */
  public ServiceFailedException failed(String name, Instant since) {
    EasService last = api.describe(name);
    List<ServiceEvent> events;
    try {
      events = api.events(name, since);
    } catch (PaiException e) {
      events = List.of();
    }
    List<ServiceDiagnosis> diagnosis;
    try {
      diagnosis = api.diagnosis(name);
    } catch (PaiException e) {
      diagnosis = List.of();
    }
    return new ServiceFailedException(last, events, diagnosis);
  }

  private void report(String name, WaiterPoll p, Consumer<WaiterPoll> onPoll) {
    api.runtime()
        .progress(
            ProgressEvent.builder()
                .operation("eas.service.wait")
                .resource("service/" + name)
                .phase(p.done() ? "DONE" : "WAITING")
                .message(p.description() + ": " + p.state() + " after " + p.polls() + " polls")
                .putAttributes("state", String.valueOf(p.state()))
                .build());
    if (onPoll != null) {
      onPoll.accept(p);
    }
  }
}
