package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.internal.admission.AdmissionController;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's Micrometer meters, named so that Prometheus exposes the blueprint's names: the timer
 * {@code inference.request.duration} becomes {@code inference_request_duration_seconds} (with
 * {@code _bucket} series, since every timer publishes a percentile histogram for {@code
 * histogram_quantile}). Every meter carries {@code service_name}. Thread-safe.
 */
final class InferenceMetrics implements AutoCloseable {
  static final String REQUEST_DURATION = "inference.request.duration";
  static final String TIME_TO_FIRST_TOKEN = "inference.time.to.first.token";
  static final String TIME_PER_OUTPUT_TOKEN = "inference.time.per.output.token";
  static final String QUEUE_WAIT = "inference.queue.wait";
  static final String TOKENS = "inference.tokens";
  static final String REJECTED = "inference.requests.rejected";
  static final String IN_FLIGHT = "inference.requests.in.flight";
  static final String QUEUED = "inference.requests.queued";
  static final String LIMIT = "inference.concurrency.limit";

  private final MeterRegistry registry;
  private final Tags service;
  private final Timer ttft;
  private final Timer tpot;
  private final Timer queueWait;
  private final Counter tokensIn;
  private final Counter tokensOut;
  // By operation, then outcome: no key is built per request (the outcomes are constants).
  private final Map<Operation, Map<String, Timer>> durations = new EnumMap<>(Operation.class);
  private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
  private final List<Meter> gauges = new ArrayList<>();

  InferenceMetrics(MeterRegistry registry, String serviceName, AdmissionController admission) {
    this.registry = registry;
    this.service = Tags.of("service_name", serviceName);
    this.ttft =
        timer(
            TIME_TO_FIRST_TOKEN,
            "Time from submission to the first streamed token",
            service,
            Duration.ofMinutes(2));
    this.tpot =
        timer(
            TIME_PER_OUTPUT_TOKEN,
            "Mean time per output token after the first",
            service,
            Duration.ofSeconds(10));
    this.queueWait =
        timer(
            QUEUE_WAIT,
            "Time queued in the client's admission stage",
            service,
            Duration.ofMinutes(2));
    for (Operation op : Operation.values()) {
      durations.put(op, new ConcurrentHashMap<>());
    }
    this.tokensIn = tokens("in");
    this.tokensOut = tokens("out");
    gauges.add(
        gauge(
            IN_FLIGHT,
            "Requests holding an admission permit",
            admission,
            AdmissionController::inFlight));
    gauges.add(
        gauge(
            QUEUED,
            "Requests waiting in the admission queue",
            admission,
            AdmissionController::queued));
    gauges.add(
        gauge(LIMIT, "The current concurrency limit", admission, AdmissionController::limit));
  }

  /** Records a finished request (success, failure or cancellation). */
  void request(Operation op, String outcome, Timings t) {
    durations.get(op).computeIfAbsent(outcome, k -> duration(op, outcome)).record(t.endToEnd());
    queueWait.record(t.queueWait());
    t.timeToFirstToken().ifPresent(ttft::record);
    t.timePerOutputToken().ifPresent(tpot::record);
    if (t.tokensIn() > 0) {
      tokensIn.increment(t.tokensIn());
    }
    if (t.tokensOut() > 0) {
      tokensOut.increment(t.tokensOut());
    }
  }

  /** Counts a request the admission stage refused: it never reached the endpoint. */
  void rejected(Operation op, String reason) {
    rejections
        .computeIfAbsent(
            op.tag() + '|' + reason,
            k ->
                Counter.builder(REJECTED)
                    .description("Requests refused by the client's admission stage")
                    .tags(service)
                    .tag("operation", op.tag())
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }

  private Timer duration(Operation op, String outcome) {
    return timer(
        REQUEST_DURATION,
        "Inference request latency from submission to the complete answer",
        service.and("operation", op.tag(), "outcome", outcome),
        Duration.ofMinutes(10));
  }

  private Timer timer(String name, String description, Tags tags, Duration max) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(max)
        .register(registry);
  }

  private Counter tokens(String direction) {
    return Counter.builder(TOKENS)
        .description("Tokens sent (in: prompt) and received (out: generated)")
        .baseUnit("tokens")
        .tags(service)
        .tag("direction", direction)
        .register(registry);
  }

  private Gauge gauge(
      String name,
      String description,
      AdmissionController admission,
      java.util.function.ToDoubleFunction<AdmissionController> value) {
    return Gauge.builder(name, admission, value)
        .description(description)
        .tags(service)
        .strongReference(true)
        .register(registry);
  }

  /** Removes the gauges, which would otherwise keep reporting a closed client. */
  @Override
  public void close() {
    gauges.forEach(registry::remove);
  }
}
