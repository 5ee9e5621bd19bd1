package dev.pailot.testkit.localpai.internal.server;

import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.HttpReply;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: hands data-plane requests to their {@link DataPlaneRoute}
 * and everything else to the {@link ControlPlane}, then writes the reply, delayed on the event loop
 * when latency is injected. Shared by all channels; stateless.
 */
@ChannelHandler.Sharable
final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);

  private final ControlPlane controlPlane;
  private final List<DataPlaneRoute> dataPlane;

  HttpDispatcher(ControlPlane controlPlane, List<DataPlaneRoute> dataPlane) {
    this.controlPlane = controlPlane;
    this.dataPlane = List.copyOf(dataPlane);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    for (DataPlaneRoute route : dataPlane) {
      if (route.matches(request)) {
        route.handle(ctx, request);
        return;
      }
    }
    HttpReply reply = controlPlane.handle(toControlRequest(request));
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    long delayNanos = reply.delay().toNanos();
    if (delayNanos > 0) {
      // Latency is injected by scheduling, never by sleeping on the event loop. Clients here do not
      // pipeline, so holding one answer back cannot reorder answers on a connection.
      ctx.executor().schedule(() -> write(ctx, reply, keepAlive), delayNanos, TimeUnit.NANOSECONDS);
    } else {
      write(ctx, reply, keepAlive);
    }
  }

  private static ControlRequest toControlRequest(FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    Map<String, String> query = new LinkedHashMap<>();
    uri.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
    return new ControlRequest(
        request.method().name(),
        uri.rawPath(),
        query,
        headers,
        ByteBufUtil.getBytes(request.content()));
  }

  private static void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()),
            Unpooled.wrappedBuffer(reply.body()));
    reply.headers().forEach((k, v) -> response.headers().set(k, v));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Usually a client that went away mid-request; nothing to answer.
    LOG.debug("closing connection after {}", cause.toString());
    ctx.close();
  }
}
