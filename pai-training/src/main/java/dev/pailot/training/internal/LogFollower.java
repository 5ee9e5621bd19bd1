package dev.pailot.training.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.training.LogFollowOptions;
import dev.pailot.training.LogSubscription;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one pod's log by polling GetPodLogs on a scheduler. Window {@code i} is {@code [end(i-1),
 * now - settleDelay]} in whole seconds, so the boundary second is fetched twice; the lines it
 * repeats (the longest run that ends the lines already seen and starts the new batch) are skipped,
 * so every line is delivered once. Thread-safe; polls never overlap (fixed-delay scheduling).
 */
public final class LogFollower implements LogSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);

  private final DlcApi api;
  private final String jobId;
  private final String podId;
  private final Consumer<String> onLine;
  private final LogFollowOptions options;
  private final Clock clock;
  private final Consumer<LogSubscription> onClose;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final ReentrantLock delivery = new ReentrantLock();
  // Only the polling thread touches these; fixed-delay runs never overlap.
  private final Deque<String> recent = new ArrayDeque<>();
  private Instant from;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> task;

  private LogFollower(
      Target target, LogFollowOptions options, Clock clock, Consumer<LogSubscription> onClose) {
    this.api = target.api();
    this.jobId = target.jobId();
    this.podId = target.podId();
    this.onLine = target.onLine();
    this.options = options;
    this.clock = clock;
    this.onClose = onClose;
    this.from = options.since().orElse(null);
  }

  /**
   * What to follow and where lines go.
   *
   * @param api the typed API
   * @param jobId job id
   * @param podId pod id
   * @param onLine receives each line once, in order, on the scheduler's thread
   */
  public record Target(DlcApi api, String jobId, String podId, Consumer<String> onLine) {}

  /**
   * Starts following: the first poll runs at once on {@code scheduler}.
   *
   * @param target what to follow
   * @param options polling options
   * @param scheduler where polls run
   * @param clock time source for window ends
   * @param onClose called once with the subscription when it ends (closed or failed)
   * @return the running subscription
   */
  public static LogFollower start(
      Target target,
      LogFollowOptions options,
      ScheduledExecutorService scheduler,
      Clock clock,
      Consumer<LogSubscription> onClose) {
    LogFollower f = new LogFollower(target, options, clock, onClose);
    ScheduledFuture<?> t =
        scheduler.scheduleWithFixedDelay(
            f::poll, 0, options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    f.task = t;
    if (f.closed) {
      t.cancel(false); // closed (or failed) before the handle was stored
    }
    return f;
  }

  @Override
  public boolean isActive() {
    return !closed;
  }

  @Override
  public CompletableFuture<Void> completion() {
    return completion;
  }

  @Override
  public void close() {
    if (end()) {
      // Wait for a line being delivered; later lines see `closed` and are dropped.
      delivery.lock();
      delivery.unlock();
      completion.complete(null);
    }
  }

  private void fail(Throwable e) {
    if (end()) {
      completion.completeExceptionally(e);
    }
  }

  private synchronized boolean end() {
    if (closed) {
      return false;
    }
    closed = true;
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
    onClose.accept(this);
    return true;
  }

  private void poll() {
    if (closed) {
      return;
    }
    Instant to = clock.instant().minus(options.settleDelay()).truncatedTo(ChronoUnit.SECONDS);
    if (from != null && to.isBefore(from)) {
      to = from;
    }
    try {
      List<String> lines =
          api.podLogs(
              jobId,
              podId,
              new DlcApi.PodLogQuery(
                  from, to, options.maxLinesPerPoll(), options.podUid().orElse(null)));
      deliver(lines);
      from = to;
    } catch (PaiException e) {
      if (e.retryable()) {
        LOG.debug(
            "GetPodLogs for job {} pod {} failed transiently; next poll retries", jobId, podId);
        return;
      }
      fail(e);
    } catch (RuntimeException e) {
      fail(e); // the consumer threw, or a bug: stop rather than spin
    }
  }

  private void deliver(List<String> lines) {
    int skip = repeated(new ArrayList<>(recent), lines);
    delivery.lock();
    try {
      for (int i = skip; i < lines.size() && !closed; i++) {
        onLine.accept(lines.get(i));
        recent.addLast(lines.get(i));
        if (recent.size() > options.maxLinesPerPoll()) {
          recent.removeFirst();
        }
      }
    } finally {
      delivery.unlock();
    }
  }

  /**
   * How many leading lines of {@code batch} repeat the end of {@code seen}: the largest {@code k}
   * with {@code seen}'s last {@code k} lines equal to {@code batch}'s first {@code k}.
   *
   * @param seen lines delivered so far (the most recent ones), oldest first
   * @param batch the new window's lines
   * @return how many to skip
   */
  static int repeated(List<String> seen, List<String> batch) {
    for (int k = Math.min(seen.size(), batch.size()); k > 0; k--) {
      int offset = seen.size() - k;
      if (seen.get(offset).equals(batch.get(0))
          && seen.subList(offset, seen.size()).equals(batch.subList(0, k))) {
        return k;
      }
    }
    return 0;
  }
}
