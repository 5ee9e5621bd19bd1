package dev.pailot.testkit.localpai.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;

/**
 * Streams a sequence as server-sent events: one {@code data:} chunk per step with output, then, on
 * finish, the usage chunk when asked for and {@code data: [DONE]}. The response head is written
 * when the request is accepted; the first chunk (with the assistant role) goes out with the first
 * token, as vLLM does, so clients measure time to first token on it. Event-loop confined.
 */
final class SseSink extends ChannelSink {
  private final ChunkEncoder encoder;
  private final boolean chat;
  private final boolean includeUsage;
  private boolean started;

  SseSink(ChannelHandlerContext ctx, boolean keepAlive, ChunkEncoder encoder, GenerationRequest r) {
    super(ctx, keepAlive);
    this.encoder = encoder;
    this.chat = r.chat();
    this.includeUsage = r.includeUsage();
    HttpReplies.sseHead(ctx, r.requestId(), keepAlive);
  }

  @Override
  void write(Delivery d) {
    boolean role = chat && !started;
    if ("abort".equals(d.finishReason())) {
      end();
      return;
    }
    if (role || !d.text().isEmpty() || d.finished()) {
      chunk(encoder.delta(ctx.alloc(), d.text(), role, d.finishReason()));
      started = true;
    }
    if (!d.finished()) {
      return;
    }
    if (includeUsage) {
      chunk(encoder.usage(ctx.alloc(), d.promptTokens(), d.completionTokens()));
    }
    chunk(ChunkEncoder.done());
    end();
  }

  private void chunk(ByteBuf buf) {
    ctx.write(new DefaultHttpContent(buf), ctx.voidPromise());
  }

  private void end() {
    if (keepAlive) {
      ctx.writeAndFlush(new DefaultLastHttpContent(), ctx.voidPromise());
    } else {
      ctx.writeAndFlush(new DefaultLastHttpContent()).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
