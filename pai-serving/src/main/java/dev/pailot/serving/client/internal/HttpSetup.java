package dev.pailot.serving.client.internal;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the OkHttp client for the data plane. OkHttp's dispatcher allows 5 concurrent calls per
 * host by default, which would cap every LLM service behind one gateway at 5 streams: the client
 * always installs its own dispatcher, sized from the settings and running on the client's I/O
 * executor. OkHttp's own read and call timeouts are off, because a non-streamed generation may
 * legitimately take minutes before its first byte; the client's watchdog enforces the first-token,
 * idle and total timeouts instead, and cancels the call. Also builds the requests sent with it.
 */
final class HttpSetup {
  private static final String JSON = "application/json";
  private static final MediaType JSON_TYPE = MediaType.get(JSON);

  private HttpSetup() {}

  /**
   * A POST with the request id and, when the endpoint has one, its token. Runs once per attempt, so
   * it parses no media type it does not have to and adds headers to a fresh builder without first
   * removing them.
   */
  static Request post(Outgoing o) {
    Request.Builder b =
        new Request.Builder()
            .url(o.url())
            .post(RequestBody.create(o.body(), mediaType(o.contentType())))
            .addHeader("X-Request-Id", o.requestId());
    if (o.accept() != null) {
      b.addHeader("Accept", o.accept());
    }
    if (o.token() != null) {
      b.addHeader("Authorization", o.token().headerValue());
    }
    return b.build();
  }

  /** Parses a request's media type, or says which field is wrong and how to fix it. */
  static MediaType mediaType(String contentType) {
    MediaType type = JSON.equals(contentType) ? JSON_TYPE : MediaType.parse(contentType);
    if (type == null) {
      throw ValidationException.invalidField(
          "contentType",
          "\"" + contentType + "\" is not a media type",
          "use e.g. application/json");
    }
    return type;
  }

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
