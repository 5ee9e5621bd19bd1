package dev.pailot.serving.release;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application traffic for behaviour tests: several callers sending chat requests through one client
 * (the group endpoint) back to back, counting successes and failures, until stopped.
 */
public final class ClientLoad implements AutoCloseable {
  private final InferenceClient client;
  private final ExecutorService callers;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** Requests answered. */
  public final AtomicLong ok = new AtomicLong();

  /** Requests failed. */
  public final AtomicLong failed = new AtomicLong();

  final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  final Map<String, AtomicLong> byModel = new ConcurrentHashMap<>();

  private ClientLoad(InferenceClient client, int callers) {
    this.client = client;
    this.callers = Executors.newFixedThreadPool(callers);
    for (int i = 0; i < callers; i++) {
      int caller = i;
      this.callers.execute(() -> loop(caller));
    }
  }

  /** Starts {@code callers} threads calling through {@code client}. */
  public static ClientLoad start(InferenceClient client, int callers) {
    return new ClientLoad(client, callers);
  }

  private void loop(int caller) {
    int n = 0;
    while (running.get()) {
      ChatRequest r =
          ChatRequest.builder().user("caller " + caller + " request " + n++).maxTokens(4).build();
      try {
        String model = client.chat(r).model().orElse("?");
        byModel.computeIfAbsent(model, m -> new AtomicLong()).incrementAndGet();
        ok.incrementAndGet();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        if (errors.size() < 10) {
          errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }
  }

  /** Waits until at least {@code n} more requests succeeded (bounded by a minute). */
  public void awaitMore(long n) throws InterruptedException {
    long target = ok.get() + n;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (ok.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  /** Stops the callers and waits for their last requests. */
  @Override
  public void close() {
    running.set(false);
    callers.shutdown();
    try {
      callers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Requests answered by a model (the version's served name). */
  public long servedBy(String model) {
    AtomicLong n = byModel.get(model);
    return n == null ? 0 : n.get();
  }

  public List<String> errors() {
    return new ArrayList<>(errors);
  }
}
