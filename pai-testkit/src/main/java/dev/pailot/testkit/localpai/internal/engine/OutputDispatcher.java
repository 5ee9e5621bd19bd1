package dev.pailot.testkit.localpai.internal.engine;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a step's output from the engine thread to the event loops: deliveries are grouped by
 * event loop and handed over as one task per loop per step, rather than one task per token, which
 * is what lets one engine feed a thousand streams from two cores. Also records per-request metrics.
 * {@link #idle()} tells the engine whether the previous step's output has been written, so a fast
 * engine cannot pile up unbounded work on slow sockets.
 */
final class OutputDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDispatcher.class);

  private final Map<EventExecutor, List<Delivery>> byLoop = new IdentityHashMap<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final EngineMetrics metrics;
  private int pending;

  OutputDispatcher(EngineMetrics metrics) {
    this.metrics = metrics;
  }

  /** A sampled token; ends the sequence if it is done (continuous batching). */
  void token(Sequence seq, String text, long nowNanos) {
    record(seq, nowNanos);
    add(seq, text, seq.done() ? seq.finishReason() : null);
    if (seq.done()) {
      metrics.finished(seq, nowNanos);
    }
  }

  /** A sampled token whose sequence, even if done, is answered later (static batching). */
  void text(Sequence seq, String text, long nowNanos) {
    record(seq, nowNanos);
    add(seq, text, null);
  }

  /** Ends a sequence whose last token was already sent. */
  void finish(Sequence seq, long nowNanos) {
    add(seq, "", seq.finishReason());
    metrics.finished(seq, nowNanos);
  }

  /** Ends a sequence the engine gave up (shutdown). */
  void abort(Sequence seq) {
    add(seq, "", "abort");
  }

  private void record(Sequence seq, long nowNanos) {
    if (seq.generated() == 1) {
      metrics.firstToken(seq, nowNanos);
    }
    metrics.generated(1);
  }

  private void add(Sequence seq, String text, String finishReason) {
    Delivery d =
        new Delivery(seq.sink(), text, finishReason, seq.request().promptTokens(), seq.generated());
    byLoop.computeIfAbsent(d.sink().executor(), e -> new ArrayList<>()).add(d);
    pending++;
  }

  /** Whether output is waiting to be handed over. */
  boolean hasPending() {
    return pending > 0;
  }

  /** Hands the collected output over if the loops have written the previous hand-over. */
  void flushIfIdle() {
    if (pending > 0 && idle()) {
      flush();
    }
  }

  /** Hands the collected output to the event loops. */
  void flush() {
    pending = 0;
    for (Map.Entry<EventExecutor, List<Delivery>> e : byLoop.entrySet()) {
      List<Delivery> batch = e.getValue();
      if (batch.isEmpty()) {
        continue;
      }
      e.setValue(new ArrayList<>(batch.size()));
      outstanding.incrementAndGet();
      try {
        e.getKey().execute(() -> deliver(batch));
      } catch (RejectedExecutionException closed) {
        // The event loop is shutting down with its server; its clients are gone anyway.
        outstanding.decrementAndGet();
      }
    }
  }

  private void deliver(List<Delivery> batch) {
    try {
      for (Delivery d : batch) {
        try {
          d.sink().deliver(d);
        } catch (RuntimeException ex) {
          LOG.debug("dropping output for a broken stream: {}", ex.toString());
        }
      }
      for (Delivery d : batch) {
        d.sink().flush();
      }
    } finally {
      outstanding.decrementAndGet();
    }
  }

  /** Whether all handed-over output has been written. */
  boolean idle() {
    return outstanding.get() == 0;
  }
}
