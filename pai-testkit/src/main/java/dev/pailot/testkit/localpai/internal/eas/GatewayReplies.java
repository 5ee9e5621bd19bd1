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
    ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    send(ctx, request, response(status, "text/plain; charset=utf-8", body));
  }

  /**
   * A full response with content type and length set; it owns {@code body}.
   *
   * @param status status
   * @param contentType content type
   * @param body body, released by Netty after writing
   * @return the response
   */
  static FullHttpResponse response(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return response;
  }

  /**
   * Writes a response, keeping the connection open when the request allows it.
   *
   * @param ctx channel
   * @param request the request being answered (read for keep-alive only)
   * @param response the response
   */
  static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
