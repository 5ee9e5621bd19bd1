package dev.pailot.serving.eas.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.core.waiter.WaiterPoll;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceDiagnosis;
import dev.pailot.serving.eas.ServiceEvent;
import dev.pailot.serving.eas.ServiceFailedException;
import dev.pailot.serving.eas.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
