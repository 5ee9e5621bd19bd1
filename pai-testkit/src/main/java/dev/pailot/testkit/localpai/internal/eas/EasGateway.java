package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.eas.GatewayRouter.Decision;
import dev.pailot.testkit.localpai.internal.server.DataPlaneRoute;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EAS's shared gateway on LocalPai's port: {@code /api/predict/{service or group}{/sub/path}}. It
 * checks the token ({@code Authorization: <token>} or {@code Bearer <token>}; 401 otherwise),
 * answers 503 {@code no healthy upstream} until a replica is ready, hands the request to a ready
 * replica's backend (after injected latency, scheduled on the event loop), and sends mirror copies
 * asynchronously. Runs on event-loop threads and never blocks. Thread-safe.
 */
final class EasGateway implements DataPlaneRoute {
  static final String PREFIX = "/api/predict/";

  private static final Logger LOG = LoggerFactory.getLogger(EasGateway.class);

  private final GatewayRouter router;
  private final TrafficMirror mirror;

  EasGateway(GatewayRouter router, TrafficMirror mirror) {
    this.router = router;
    this.mirror = mirror;
  }

  @Override
  public boolean matches(FullHttpRequest request) {
    // Control-plane calls carry x-acs-version; anything else under the predict prefix is ours.
    return request.uri().startsWith(PREFIX) && !request.headers().contains("x-acs-version");
  }

  /**
   * Where a request goes.
   *
   * @param name service or group name
   * @param subPath path below the name, {@code /} for the bare endpoint (no query)
   * @param rest everything below the name, query included, for mirror copies
   */
  record Target(String name, String subPath, String rest) {
    static Target of(String uri) {
      int query = uri.indexOf('?');
      String path = query < 0 ? uri : uri.substring(0, query);
      String tail = path.substring(PREFIX.length());
      int slash = tail.indexOf('/');
      String name = slash < 0 ? tail : tail.substring(0, slash);
      String below = slash < 0 ? "" : tail.substring(slash);
      return new Target(
          name, below.length() <= 1 ? "/" : below, below + (query < 0 ? "" : uri.substring(query)));
    }
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    Target target = Target.of(request.uri());
    boolean mirrored = request.headers().contains(TrafficMirror.MIRRORED_HEADER);
    Decision d = router.route(target.name(), token(request), mirrored);
    if (d.status() != 200) {
      GatewayReplies.text(ctx, request, HttpResponseStatus.valueOf(d.status()), d.text());
      return;
    }
    if (!d.mirrors().isEmpty()) {
      // Copy before the primary runs: the request is released once handle returns.
      mirror.send(
          new TrafficMirror.Copy(
              request.method().name(),
              target.rest(),
              request.headers().get(HttpHeaderNames.CONTENT_TYPE),
              ByteBufUtil.getBytes(request.content())),
          d.mirrors());
    }
    long delay = d.latency().toNanos();
    if (delay <= 0) {
      dispatch(ctx, request, d.backend(), target.subPath());
    } else {
      request.retain();
      ctx.executor()
          .schedule(
              () -> later(ctx, request, d.backend(), target.subPath()),
              delay,
              TimeUnit.NANOSECONDS);
    }
  }

  /** Dispatches after injected latency, if the caller is still there, then frees the request. */
  private static void later(
      ChannelHandlerContext ctx, FullHttpRequest request, ServiceBackend backend, String subPath) {
    try {
      if (ctx.channel().isActive()) {
        dispatch(ctx, request, backend, subPath);
      }
    } finally {
      request.release();
    }
  }

  private static void dispatch(
      ChannelHandlerContext ctx, FullHttpRequest request, ServiceBackend backend, String subPath) {
    try {
      backend.handle(ctx, request, subPath);
    } catch (RuntimeException e) {
      // A backend bug must not take the connection's event loop down; EAS answers 502 then.
      LOG.warn("EAS replica backend failed on {}", subPath, e);
      GatewayReplies.text(ctx, request, HttpResponseStatus.BAD_GATEWAY, "upstream connect error");
    }
  }

  /** The token from {@code Authorization: <token>} or {@code Authorization: Bearer <token>}. */
  static Optional<String> token(FullHttpRequest request) {
    String value = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      v = v.substring("bearer ".length()).trim();
    }
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
