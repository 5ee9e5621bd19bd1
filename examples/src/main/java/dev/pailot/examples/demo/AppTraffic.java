package dev.pailot.examples.demo;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's application: a few callers sending short chat requests through the group endpoint back
 * to back while the release runs, counting answers and failures.
 */
final class AppTraffic implements AutoCloseable {
  private final ExecutorService callers;
  private final AtomicBoolean running = new AtomicBoolean(true);
  final AtomicLong ok = new AtomicLong();
  final AtomicLong failed = new AtomicLong();

  AppTraffic(InferenceClient client, int callers) {
    this.callers = Executors.newFixedThreadPool(callers);
    for (int i = 0; i < callers; i++) {
      this.callers.execute(
          () -> {
            while (running.get()) {
              try {
                client.chat(ChatRequest.builder().user("Hello from the app").maxTokens(4).build());
                ok.incrementAndGet();
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          });
    }
  }

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
}
