package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.internal.ClientSettings;
import dev.pailot.serving.client.internal.EndpointAddress;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link InferenceClientBuilder#build()} checks and resolves before anything starts: the
 * endpoint pool, the service name, the limits, the timeouts and the defaults that depend on other
 * settings (retries with more than one endpoint). Each failure names the field and the fix.
 */
final class BuilderChecks {
  private BuilderChecks() {}

  static ClientSettings settings(InferenceClientBuilder b) {
    List<Endpoint> pool = new ArrayList<>();
    if (b.endpoint != null) {
      pool.add(Endpoint.of(b.endpoint));
    }
    pool.addAll(b.endpoints);
    if (pool.isEmpty()) {
      throw ValidationException.invalidField(
          "endpoint", "is not set", "set endpoint(\"http://.../api/predict/my_service\")");
    }
    EndpointAddress address = EndpointAddress.parse(pool.get(0).url());
    String name = b.serviceName != null ? b.serviceName : address.defaultServiceName();
    RequestRules.notBlank("serviceName", name, "leave it unset to use the endpoint's name");
    checkLimits(b);
    RetryOptions retry =
        b.retry != null ? b.retry : pool.size() > 1 ? RetryOptions.defaults() : RetryOptions.none();
    return new ClientSettings(
        address,
        List.copyOf(pool),
        b.token,
        name,
        b.defaultModel,
        positive("connectTimeout", b.connectTimeout),
        positive("firstTokenTimeout", b.firstTokenTimeout),
        positive("idleTimeout", b.idleTimeout),
        positive("totalTimeout", b.totalTimeout),
        b.okHttpClient,
        b.transport,
        b.directListeners,
        b.registry != null ? b.registry : new CompositeMeterRegistry(),
        b.executor,
        b.maxRequests,
        b.maxRequestsPerHost,
        b.maxIdleConnections,
        b.concurrencyLimit,
        b.maxQueued,
        b.adaptive,
        b.interTokenHistogram,
        retry,
        b.failover,
        b.steering);
  }

  private static void checkLimits(InferenceClientBuilder b) {
    if (b.steering != null && b.adaptive == null) {
      throw ValidationException.invalidField(
          "steerByEngineMetrics",
          "needs an adaptive limit to steer",
          "set adaptiveConcurrency(AdaptiveConcurrency.of(min, initial, max)) too");
    }
    atLeast("maxRequests", b.maxRequests, 1);
    atLeast("maxRequestsPerHost", b.maxRequestsPerHost, 1);
    atLeast("maxIdleConnections", b.maxIdleConnections, 0);
    atLeast("concurrencyLimit", b.concurrencyLimit, 1);
    atLeast("maxQueued", b.maxQueued, 0);
    String field = b.adaptive != null ? "adaptiveConcurrency.maxLimit" : "concurrencyLimit";
    int limit = b.adaptive != null ? b.adaptive.maxLimit() : b.concurrencyLimit;
    int dispatcher = Math.min(b.maxRequests, b.maxRequestsPerHost);
    if (limit > dispatcher) {
      throw ValidationException.invalidField(
          field,
          limit
              + " exceeds the dispatcher's maxRequests / maxRequestsPerHost ("
              + dispatcher
              + "), which would queue calls out of"
              + " sight of deadlines and priorities",
          "raise maxRequestsPerHost and maxRequests to at least the concurrency limit");
    }
  }

  static void token(String token) {
    RequestRules.notBlank(
        "token",
        token,
        "pass the service's AccessToken from DescribeService (EAS console: Invoke)");
  }

  private static void atLeast(String field, int value, int min) {
    if (value < min) {
      throw ValidationException.invalidField(
          field, value + " is below " + min, "use " + min + " or more");
    }
  }

  private static Duration positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw ValidationException.invalidField(
          field, d + " is not a positive duration", "use e.g. Duration.ofSeconds(30)");
    }
    return d;
  }
}
