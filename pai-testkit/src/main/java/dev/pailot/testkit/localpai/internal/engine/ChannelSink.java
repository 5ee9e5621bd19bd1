package dev.pailot.testkit.localpai.internal.engine;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;

/**
 * A {@link SequenceSink} bound to one HTTP exchange. It aborts its sequence when the connection
 * closes early, and removes that hook when the answer is complete, so long-lived keep-alive
 * connections do not collect one listener per request.
 */
abstract class ChannelSink implements SequenceSink {
  final ChannelHandlerContext ctx;
  final boolean keepAlive;
  private ChannelFutureListener onClose;
  private boolean ended;
  private boolean unflushed;

  ChannelSink(ChannelHandlerContext ctx, boolean keepAlive) {
    this.ctx = ctx;
    this.keepAlive = keepAlive;
  }

  /** Aborts {@code seq} on {@code engine} if the client disconnects before the answer ends. */
  void abortOnClose(LlmEngine engine, Sequence seq) {
    onClose = f -> engine.abort(seq);
    ctx.channel().closeFuture().addListener(onClose);
  }

  @Override
  public EventExecutor executor() {
    return ctx.executor();
  }

  @Override
  public final void deliver(Delivery d) {
    if (ended) {
      return;
    }
    if (!ctx.channel().isActive()) {
      ended = true;
      return;
    }
    write(d);
    unflushed = !d.finished();
    if (d.finished()) {
      ended = true;
      if (onClose != null) {
        ctx.channel().closeFuture().removeListener(onClose);
      }
    }
  }

  @Override
  public final void flush() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
  }

  /**
   * Writes one delivery without flushing, except the last one ({@link Delivery#finished()}), which
   * must complete and flush the answer.
   */
  abstract void write(Delivery d);
}
