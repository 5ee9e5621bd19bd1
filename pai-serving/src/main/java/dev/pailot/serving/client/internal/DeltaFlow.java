package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.DeltaPublisher;
import dev.pailot.serving.client.Usage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A streamed request as a single-subscriber, cold {@link Flow.Publisher}. The request starts on the
 * first {@code request(n)}; the reading thread waits in {@link #awaitDemand()} while demand is zero
 * (so TCP flow control, not a buffer, absorbs a slow subscriber); {@code cancel()} cancels the
 * result, which closes the connection. Thread-safe.
 */
final class DeltaFlow implements DeltaPublisher, Flow.Subscription, DeltaSink {
  private static final Flow.Subscription REFUSED =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  private final Function<DeltaFlow, StreamExchange> exchanges;
  private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition demanded = lock.newCondition();
  private volatile Flow.Subscriber<? super Delta> subscriber;
  private volatile StreamExchange exchange;
  private long demand;
  private boolean stopped;
  private boolean started;

  DeltaFlow(Function<DeltaFlow, StreamExchange> exchanges) {
    this.exchanges = exchanges;
    // Any ending (completion, failure, cancellation) releases a reader waiting for demand.
    result.whenComplete((r, e) -> stop());
  }

  CompletableFuture<ChatResult> future() {
    return result;
  }

  @Override
  public CompletableFuture<ChatResult> result() {
    return result;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Delta> s) {
    Objects.requireNonNull(s, "subscriber");
    if (!subscribed.compareAndSet(false, true)) {
      s.onSubscribe(REFUSED);
      s.onError(
          new IllegalStateException(
              "this DeltaPublisher already has a subscriber; call publisher(...) again for"
                  + " another stream"));
      return;
    }
    subscriber = s;
    s.onSubscribe(this);
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      IllegalArgumentException e =
          new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams §3.9), got " + n);
      StreamExchange x = exchange;
      if (x != null) {
        x.fail(e);
      } else if (result.completeExceptionally(e)) {
        subscriber.onError(e);
      }
      return;
    }
    boolean start;
    lock.lock();
    try {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      start = !started && !stopped;
      started = true;
      demanded.signalAll();
    } finally {
      lock.unlock();
    }
    if (start) {
      StreamExchange x = exchanges.apply(this);
      exchange = x;
      x.start();
    }
  }

  @Override
  public void cancel() {
    result.cancel(false);
  }

  private void stop() {
    lock.lock();
    try {
      stopped = true;
      demanded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean awaitDemand() {
    lock.lock();
    try {
      while (demand == 0 && !stopped) {
        demanded.awaitUninterruptibly();
      }
      if (stopped) {
        return false;
      }
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void delta(Delta delta) {
    subscriber.onNext(delta);
  }

  @Override
  public void usage(Usage usage) {
    // Usage reaches Flow subscribers through result(), not as an element.
  }

  @Override
  public void complete(ChatResult r) {
    subscriber.onComplete();
  }

  @Override
  public void error(Throwable error) {
    subscriber.onError(error);
  }
}
