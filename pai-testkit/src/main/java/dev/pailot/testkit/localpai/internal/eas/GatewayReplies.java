package dev.pailot.testkit.localpai.internal.eas;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes the gateway's own answers (and the echo backend's) as full HTTP/1.1 responses. */
final class GatewayReplies {
  private GatewayReplies() {}

  /**
   * Writes a plain-text answer, honouring keep-alive.
   *
   * @param ctx channel
   * @param request the request being answered (read for keep-alive only)
   * @param status status
   * @param text body
   */
  static void text(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String text) {
    send(
        ctx,
        request,
        status,
        "text/plain; charset=utf-8",
        Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  /**
   * Writes an answer, honouring keep-alive; takes ownership of {@code body}.
   *
   * @param ctx channel
   * @param request the request being answered (read for keep-alive only)
   * @param status status
   * @param contentType content type
   * @param body body, released by Netty after writing
   */
  static void send(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      HttpResponseStatus status,
      String contentType,
      ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
