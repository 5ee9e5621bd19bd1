package dev.pailot.testkit.localpai.internal.engine;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes whole HTTP answers and SSE response heads. Call on the channel's event loop. */
final class HttpReplies {
  static final String JSON = "application/json";

  private HttpReplies() {}

  static void json(ChannelHandlerContext ctx, int status, byte[] body, boolean keepAlive) {
    send(ctx, status, JSON, body, keepAlive);
  }

  static void text(ChannelHandlerContext ctx, int status, String type, String body, boolean ka) {
    send(ctx, status, type, body.getBytes(StandardCharsets.UTF_8), ka);
  }

  static void error(ChannelHandlerContext ctx, ApiError e, boolean keepAlive) {
    json(ctx, e.status(), e.body(), keepAlive);
  }

  static void send(
      ChannelHandlerContext ctx, int status, String type, byte[] body, boolean keepAlive) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    HttpUtil.setKeepAlive(r, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The head of an SSE answer; chunks follow as HTTP/1.1 chunked content. */
  static void sseHead(ChannelHandlerContext ctx, String requestId, boolean keepAlive) {
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    r.headers().set("X-Request-Id", requestId);
    HttpUtil.setKeepAlive(r, keepAlive);
    ctx.writeAndFlush(r, ctx.voidPromise());
  }
}
