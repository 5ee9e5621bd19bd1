package dev.pailot.serving.client.internal;

import java.io.IOException;
import java.net.ProxySelector;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 non-blocking client behind {@code Transport.APACHE_ASYNC}, and the
 * requests sent with it. Its I/O reactor threads ({@code pailot-inference-nio-C-N}, one per core)
 * serve every connection. Socket, response and pool-lease timeouts are off, as on OkHttp: the
 * client's watchdog enforces its own timeouts and cancels the call. Apache's wire log (raw bytes:
 * tokens and prompts) is switched off, and the {@code Authorization} header prints as {@code ****}
 * in its header log, so turning Apache's DEBUG logging on shows no secret.
 */
final class ApacheHttp {
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final String GUARD = "dev.pailot.cancel-guard";

  private ApacheHttp() {}

  static CloseableHttpAsyncClient start(ClientSettings s) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(Timeout.DISABLED)
            .build();
    CloseableHttpAsyncClient http =
        HttpAsyncClients.custom()
            .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(Timeout.DISABLED).build())
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .useSystemProperties() // javax.net.ssl.* trust and key stores, as OkHttp
                    .setMaxConnTotal(s.maxRequests())
                    .setMaxConnPerRoute(s.maxRequestsPerHost())
                    .setDefaultConnectionConfig(connection)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.DISABLED)
                    .setConnectionRequestTimeout(Timeout.DISABLED)
                    .build())
            .setRoutePlanner(new ApacheRoutes(ProxySelector.getDefault())) // as OkHttp
            .setIoSessionDecorator(session -> session) // no wire log
            // Just before the request is sent: the connection is leased by then.
            .addExecInterceptorBefore(
                ChainElement.MAIN_TRANSPORT.name(),
                "pailot-cancel-guard",
                (request, entity, scope, chain, callback) -> {
                  if (cancelled(scope)) {
                    callback.failed(new IOException("Canceled"));
                  } else {
                    chain.proceed(request, entity, scope, callback);
                  }
                })
            // Its own target step instead of Apache's authentication, which the client never uses.
            .replaceExecInterceptor(ChainElement.PROTOCOL.name(), ApacheTarget::execute)
            .setThreadFactory(reactorThreads())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState() // no connection-bound auth or client-certificate identities
            .evictIdleConnections(TimeValue.ofMinutes(5))
            .build();
    http.start();
    return http;
  }

  /**
   * Sends {@code o} and returns how to cancel it. Cancelling also discards the call's connection
   * itself: in HttpClient 5.5.1 a connect or lease that completes on the reactor before the calling
   * thread records it can leave the future's cancel hook pointing at the finished step, so that
   * {@code Future.cancel} alone would leave the exchange running on a leased connection. The call's
   * {@link Guard} closes that gap from both sides.
   */
  static <T> Runnable execute(
      CloseableHttpAsyncClient http,
      Outgoing o,
      AsyncResponseConsumer<T> consumer,
      FutureCallback<T> callback) {
    Guard guard = new Guard();
    HttpClientContext context = HttpClientContext.create();
    context.setAttribute(GUARD, guard);
    Future<T> call =
        http.execute(SimpleRequestProducer.create(request(o)), consumer, null, context, callback);
    return () -> {
      call.cancel(true);
      guard.cancel();
    };
  }

  /**
   * One call's cancellation, checked where the request is about to be sent. Cancelling marks the
   * call and then discards the connection if one was recorded; the exec chain records the
   * connection's runtime and then checks the mark. Whichever comes second sees the other, so a call
   * cancelled at any point never sends on, or keeps, a connection.
   */
  private static final class Guard {
    private final AtomicReference<AsyncExecRuntime> runtime = new AtomicReference<>();
    private volatile boolean cancelled;

    void cancel() {
      cancelled = true;
      AsyncExecRuntime r = runtime.get();
      if (r != null) {
        r.discardEndpoint();
      }
    }

    /** Records the runtime; true if the call was cancelled meanwhile (its connection discarded). */
    boolean sending(AsyncExecRuntime r) {
      runtime.set(r);
      if (cancelled) {
        r.discardEndpoint();
        return false;
      }
      return true;
    }
  }

  /**
   * The exec chain's side of the call's {@link Guard}, just before the request is sent: true if the
   * call was cancelled (its connection is then discarded).
   */
  private static boolean cancelled(AsyncExecChain.Scope scope) {
    return scope.clientContext.getAttribute(GUARD) instanceof Guard g
        && !g.sending(scope.execRuntime);
  }

  /** The POST for {@code o}; its media type is checked first. */
  private static SimpleHttpRequest request(Outgoing o) {
    HttpSetup.mediaType(o.contentType());
    SimpleRequestBuilder b =
        target(o.url())
            .setBody(o.body(), ContentType.parse(o.contentType()))
            .addHeader("X-Request-Id", o.requestId());
    if (o.accept() != null) {
      b.addHeader("Accept", o.accept());
    }
    if (o.token() != null) {
      b.addHeader(new Secret("Authorization", o.token().headerValue()));
    }
    return b.build();
  }

  /**
   * A POST to {@code url}, from its parts: {@code HttpUrl.uri()} re-encodes and re-parses the URL
   * on every call. An IPv6 literal host takes that slower, exact path.
   */
  private static SimpleRequestBuilder target(HttpUrl url) {
    if (url.host().indexOf(':') >= 0) {
      return SimpleRequestBuilder.post(url.uri());
    }
    String query = url.encodedQuery();
    // No default port in the Host header or a proxy's target, as OkHttp sends them.
    int port = url.port() == HttpUrl.defaultPort(url.scheme()) ? -1 : url.port();
    return SimpleRequestBuilder.post()
        .setHttpHost(new HttpHost(url.scheme(), url.host(), port))
        .setPath(query == null ? url.encodedPath() : url.encodedPath() + "?" + query);
  }

  private static ThreadFactory reactorThreads() {
    int client = CLIENTS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "pailot-inference-nio-" + client + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A header whose value is sent but never printed. */
  private record Secret(String name, String value) implements Header {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public boolean isSensitive() {
      return true;
    }

    @Override
    public String toString() {
      return name + ": ****";
    }
  }
}
