package dev.pailot.serving.client.internal.pool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One endpoint's counters: {@code inference.endpoint.attempts} (tag {@code result}: success, fault,
 * throttled, neutral, cancelled) and {@code inference.endpoint.ejections}, both tagged {@code
 * service_name} and {@code endpoint} (the URL without credentials). Thread-safe.
 */
final class PoolMeters {
  private final Map<AttemptResult, Counter> attempts = new EnumMap<>(AttemptResult.class);
  private final Counter ejections;

  PoolMeters(MeterRegistry registry, String serviceName, String endpoint) {
    Tags tags = Tags.of("service_name", serviceName, "endpoint", endpoint);
    for (AttemptResult r : AttemptResult.values()) {
      attempts.put(
          r,
          Counter.builder("inference.endpoint.attempts")
              .tags(tags.and("result", r.name().toLowerCase(Locale.ROOT)))
              .description("HTTP attempts sent to one endpoint of the pool, by what they said")
              .register(registry));
    }
    ejections =
        Counter.builder("inference.endpoint.ejections")
            .tags(tags)
            .description("Times an endpoint was ejected as an outlier")
            .register(registry);
  }

  void attempt(AttemptResult result) {
    attempts.get(result).increment();
  }

  void ejected() {
    ejections.increment();
  }
}
