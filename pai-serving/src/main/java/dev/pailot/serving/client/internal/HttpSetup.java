package dev.pailot.serving.client.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client for the data plane. OkHttp's dispatcher allows 5 concurrent calls per
 * host by default, which would cap every LLM service behind one gateway at 5 streams: the client
 * always installs its own dispatcher, sized from the settings and running on the client's I/O
 * executor. OkHttp's own read and call timeouts are off, because a non-streamed generation may
 * legitimately take minutes before its first byte; the client's watchdog enforces the first-token,
 * idle and total timeouts instead, and cancels the call.
 */
final class HttpSetup {
  private HttpSetup() {}

  static OkHttpClient client(ClientSettings s, ExecutorService io) {
    Dispatcher dispatcher = new Dispatcher(io);
    dispatcher.setMaxRequests(s.maxRequests());
    dispatcher.setMaxRequestsPerHost(s.maxRequestsPerHost());
    OkHttpClient.Builder b =
        s.baseClient() != null ? s.baseClient().newBuilder() : new OkHttpClient.Builder();
    if (s.baseClient() == null) {
      b.connectionPool(new ConnectionPool(s.maxIdleConnections(), 5, TimeUnit.MINUTES));
    }
    return b.dispatcher(dispatcher)
        .connectTimeout(s.connectTimeout())
        .writeTimeout(s.idleTimeout())
        .readTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO)
        .build();
  }
}
