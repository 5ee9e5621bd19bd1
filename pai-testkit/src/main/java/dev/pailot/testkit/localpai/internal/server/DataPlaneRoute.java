package dev.pailot.testkit.localpai.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A non-control-plane route on LocalPai's port, e.g. an emulated EAS service endpoint or an
 * OpenAI-compatible engine streaming SSE. Checked before the control plane, so it must match only
 * its own paths (control-plane requests carry {@code x-acs-version}).
 *
 * <p>{@link #handle} runs on the channel's event loop and owns the response: it may write
 * asynchronously (schedule on {@code ctx.executor()}) but must never block. The request is released
 * after {@code handle} returns; call {@code request.retain()} to keep it longer.
 */
public interface DataPlaneRoute {
  /**
   * Whether this route serves the request.
   *
   * @param request the request
   * @return {@code true} to take it
   */
  boolean matches(FullHttpRequest request);

  /**
   * Serves the request.
   *
   * @param ctx channel context, for writing the response
   * @param request the request
   */
  void handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
