package dev.pailot.serving.client.internal.pool;

import dev.pailot.serving.client.FailoverOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional active health check: every interval, a {@code GET} of the configured path on each
 * endpoint (with its token); a 2xx answer marks it healthy, anything else or no answer within the
 * interval (at least 2 s) unhealthy. Runs its calls on the client's dispatcher, scheduled by the
 * client's timer. Thread-safe.
 */
public final class HealthProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final EndpointPool pool;
  private final OkHttpClient http;
  private final String path;
  private final ScheduledFuture<?> task;

  private HealthProbe(
      FailoverOptions options, EndpointPool pool, OkHttpClient http, ScheduledExecutorService t) {
    this.pool = pool;
    long interval = options.healthCheckInterval().toNanos();
    // At least PROBE_TIMEOUT: a short interval must not fail probes of a healthy but busy endpoint.
    long timeout = Math.max(interval, PROBE_TIMEOUT.toNanos());
    this.http = http.newBuilder().callTimeout(timeout, TimeUnit.NANOSECONDS).build();
    this.path = options.healthCheckPath().orElseThrow();
    this.task = t.scheduleWithFixedDelay(this::probeAll, 0, interval, TimeUnit.NANOSECONDS);
  }

  /**
   * Starts the probe if the options ask for one.
   *
   * @param options the failover options
   * @param pool the endpoints
   * @param http the client's OkHttp client
   * @param timer the client's timer
   * @return the running probe, or {@code null} if there is no active check
   */
  public static HealthProbe start(
      FailoverOptions options,
      EndpointPool pool,
      OkHttpClient http,
      ScheduledExecutorService timer) {
    return options.healthCheckPath().isPresent()
        ? new HealthProbe(options, pool, http, timer)
        : null;
  }

  private void probeAll() {
    for (PoolEndpoint e : pool.endpoints()) {
      Request.Builder b = new Request.Builder().url(e.address().probe(path)).get();
      if (e.token() != null) {
        b.header("Authorization", e.token().headerValue());
      }
      http.newCall(b.build()).enqueue(new Answer(e));
    }
  }

  /** Stops probing. */
  @Override
  public void close() {
    task.cancel(false);
  }

  private static final class Answer implements Callback {
    private final PoolEndpoint endpoint;

    Answer(PoolEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public void onFailure(Call call, IOException e) {
      LOG.debug("health check of {} failed: {}", endpoint, e.getClass().getSimpleName());
      endpoint.probed(false);
    }

    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        endpoint.probed(response.isSuccessful());
      }
    }
  }
}
