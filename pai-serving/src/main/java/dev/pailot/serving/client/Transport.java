package dev.pailot.serving.client;

/**
 * The HTTP stack under the client's generation calls: streamed and non-streamed chat and
 * completions, embeddings, rerank and raw predict. Health probes and engine-metrics scrapes use
 * OkHttp with either choice. Both behave the same to the caller (errors, retries, timeouts,
 * timings, cancellation closing the connection); {@code docs/decisions/0005-nio-transport.md} has
 * the measurements behind them.
 */
public enum Transport {
  /**
   * OkHttp (the default): blocking I/O, one thread of the client's executor per running call and
   * per open stream; a blocking {@link InferenceClient#predict} reads its answer on the caller's
   * own thread. Honours {@link InferenceClientBuilder#okHttpClient}, so interceptors, proxies and
   * TLS settings apply.
   */
  OKHTTP,

  /**
   * Apache HttpClient 5's non-blocking client: a few I/O reactor threads (one per core) read every
   * connection, and an open stream holds no thread while it waits for its next event, so 1,000
   * streams need a handful of threads on any Java version. Answers and events are handed to the
   * client's executor before any callback runs (a blocking predict's answer to its own waiting
   * caller; with {@link InferenceClientBuilder#directListeners(boolean)} a listener stream's events
   * run on the reactor thread). At many concurrent callers it keeps a shorter latency tail and uses
   * less CPU per call than OkHttp. The {@link InferenceClientBuilder#okHttpClient} does not apply
   * to these calls; the connect timeout and the connection limits come from the builder, proxies
   * from the JVM's default {@code ProxySelector} and TLS trust from the JVM's default {@code
   * SSLContext} as it is when the client is built (the {@code javax.net.ssl} system properties, or
   * {@code SSLContext.setDefault}).
   */
  APACHE_ASYNC
}
