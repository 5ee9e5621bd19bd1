package dev.pailot.core.internal.transport;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.event.CallEvent;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.RetryEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane pipeline above a {@link Transport}: Failsafe retries (built once), listener
 * events and metrics. Nothing else sends control-plane requests. Thread-safe.
 *
 * <p>Throttling is always retried, waiting at least the server's {@code TimeLeft} hint (capped by
 * {@link RetrySettings#maxDelay()}); transient failures (5xx, I/O) only when the request is
 * retry-safe (idempotent, or a create carrying a {@code ClientToken}).
 */
public final class CallPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(CallPipeline.class);

  private final Transport transport;
  private final PaiListener listener;
  private final MeterRegistry registry;
  private final FailsafeExecutor<ApiResponse> throttleOnly;
  private final FailsafeExecutor<ApiResponse> throttleAndTransient;

  /**
   * Creates the pipeline.
   *
   * @param transport single-attempt transport
   * @param retry retry settings
   * @param listener event listener
   * @param registry metrics registry, or {@code null}
   */
  public CallPipeline(
      Transport transport, RetrySettings retry, PaiListener listener, MeterRegistry registry) {
    this.transport = transport;
    this.listener = listener;
    this.registry = registry;
    this.throttleOnly = Failsafe.with(policy(retry, false));
    this.throttleAndTransient = Failsafe.with(policy(retry, true));
  }

  /**
   * Sends a request with retries and returns the response.
   *
   * @param request the request
   * @return the 2xx response
   * @throws PaiException classified, with {@link PaiException#numAttempts()} set
   */
  public ApiResponse execute(ApiRequest request) {
    Operation op = request.operation();
    long start = System.nanoTime();
    AtomicInteger attempts = new AtomicInteger();
    notify(() -> listener.onCallStarted(event(op, 0, start, null, null).build()));
    FailsafeExecutor<ApiResponse> executor =
        request.retrySafe() ? throttleAndTransient : throttleOnly;
    try {
      ApiResponse response =
          executor.get(
              ctx -> {
                attempts.set(ctx.getAttemptCount() + 1);
                return transport.send(request);
              });
      finish(op, start, attempts.get(), response, null);
      return response;
    } catch (PaiException e) {
      e.withAttempts(attempts.get());
      finish(op, start, attempts.get(), null, e);
      throw e;
    } catch (FailsafeException e) {
      PaiException wrapped =
          new PaiException(request + " was interrupted", null, e.getCause())
              .withAttempts(attempts.get());
      finish(op, start, attempts.get(), null, wrapped);
      throw wrapped;
    }
  }

  private RetryPolicy<ApiResponse> policy(RetrySettings s, boolean transientToo) {
    RetryPolicyBuilder<ApiResponse> b =
        RetryPolicy.<ApiResponse>builder()
            .handleIf(
                (r, e) ->
                    e instanceof ThrottlingException
                        || transientToo && e instanceof PaiException p && p.retryable())
            .withMaxAttempts(s.maxAttempts())
            .withMaxDuration(s.maxDuration())
            .onRetryScheduled(this::onRetryScheduled);
    // One delay function for every failure instead of withBackoff/withJitter: Failsafe applies
    // its jitter to computed delays too, which could cut a throttling wait below the server's
    // TimeLeft hint.
    b.withDelayFn(ctx -> RetryDelay.next(s, ctx.getAttemptCount(), ctx.getLastException()));
    return b.build();
  }

  private void onRetryScheduled(dev.failsafe.event.ExecutionScheduledEvent<ApiResponse> e) {
    Throwable failure = e.getLastException();
    PaiException p = failure instanceof PaiException pe ? pe : null;
    String product = p == null ? "unknown" : p.details().product();
    String action = p == null ? "unknown" : p.details().action();
    LOG.debug(
        "retrying {} {} in {} after attempt {}",
        product,
        action,
        e.getDelay(),
        e.getAttemptCount());
    RetryEvent event =
        RetryEvent.builder()
            .product(product == null ? "unknown" : product)
            .action(action == null ? "unknown" : action)
            .failedAttempt(e.getAttemptCount())
            .delay(e.getDelay())
            .errorCode(p == null ? Optional.empty() : p.errorCode())
            .httpStatus(p == null ? 0 : p.httpStatus())
            .build();
    notify(() -> listener.onRetryScheduled(event));
  }

  private void finish(
      Operation op, long start, int attempts, ApiResponse response, PaiException error) {
    CallEvent.Builder b = event(op, attempts, start, response, error);
    notify(() -> listener.onCallFinished(b.succeeded(error == null).build()));
    if (registry != null) {
      Timer.builder("pai.control.plane.calls")
          .description("Control-plane calls by product, action and outcome")
          .tag("product", op.product().id())
          .tag("action", op.action())
          .tag("outcome", error == null ? "success" : error.getClass().getSimpleName())
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static CallEvent.Builder event(
      Operation op, int attempts, long start, ApiResponse response, PaiException error) {
    CallEvent.Builder b =
        CallEvent.builder()
            .product(op.product().id())
            .action(op.action())
            .attempts(attempts)
            .elapsed(Duration.ofNanos(System.nanoTime() - start));
    if (response != null) {
      b.httpStatus(response.statusCode());
      Optional.ofNullable(response.requestId()).ifPresent(b::requestId);
    }
    if (error != null) {
      if (error.httpStatus() > 0) {
        b.httpStatus(error.httpStatus());
      }
      error.requestId().ifPresent(b::requestId);
      error.errorCode().ifPresent(b::errorCode);
    }
    return b;
  }

  private static void notify(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.debug("listener threw; ignored", e);
    }
  }
}
