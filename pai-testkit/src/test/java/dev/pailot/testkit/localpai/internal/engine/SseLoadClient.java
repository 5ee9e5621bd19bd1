package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A closed-loop load generator that is not LocalPai's code: raw OkHttp reading the SSE body line by
 * line and Jackson parsing every chunk. Each of {@code clients} threads sends a streaming chat
 * request, reads it to {@code [DONE]}, and repeats until the run ends. Counts content tokens as
 * they arrive and time to first token per request. For benchmarks only.
 */
final class SseLoadClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final OkHttpClient http;
  private final URI url;
  private final String body;
  final LongAdder tokens = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder errors = new LongAdder();
  private final List<Long> ttftNanos = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong recordFrom = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean stop;

  SseLoadClient(URI url, String body, int clients) {
    this.url = url;
    this.body = body;
    this.http =
        new OkHttpClient.Builder()
            .protocols(List.of(Protocol.HTTP_1_1))
            .connectionPool(new ConnectionPool(clients + 16, 5, TimeUnit.MINUTES))
            .readTimeout(Duration.ofMinutes(5))
            .retryOnConnectionFailure(false)
            .build();
  }

  /** Starts {@code clients} threads; returns a latch that opens when all have stopped. */
  CountDownLatch start(int clients) {
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      Thread t =
          new Thread(
              null,
              () -> {
                try {
                  loop();
                } finally {
                  done.countDown();
                }
              },
              "sse-client-" + i,
              256 * 1024);
      t.setDaemon(true);
      t.start();
    }
    return done;
  }

  /** Record time-to-first-token only for requests sent from now on (after warm-up). */
  void recordFromNow() {
    recordFrom.set(System.nanoTime());
  }

  void stop() {
    stop = true;
  }

  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Sorted TTFT samples in milliseconds. */
  double[] ttftMillis() {
    synchronized (ttftNanos) {
      return ttftNanos.stream().sorted().mapToDouble(n -> n / 1e6).toArray();
    }
  }

  private void loop() {
    while (!stop) {
      try {
        one();
      } catch (IOException | RuntimeException e) {
        errors.increment();
      }
    }
  }

  private void one() throws IOException {
    Request request =
        new Request.Builder().url(url.toString()).post(RequestBody.create(body, JSON_TYPE)).build();
    long sent = System.nanoTime();
    boolean first = true;
    try (Response response = http.newCall(request).execute()) {
      BufferedSource source = response.body().source();
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
          continue;
        }
        JsonNode chunk = JSON.readTree(line.substring(6));
        if (!chunk.at("/choices/0/delta/content").asText("").isEmpty()) {
          tokens.increment();
          if (first) {
            first = false;
            if (sent >= recordFrom.get()) {
              ttftNanos.add(System.nanoTime() - sent);
            }
          }
        }
      }
    }
    requests.increment();
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
