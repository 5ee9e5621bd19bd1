package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.StreamListener;
import dev.pailot.serving.client.Usage;

/**
 * Where a stream's pieces go: a {@link StreamListener} or a {@code Flow} subscriber. Called on the
 * reading thread, one call at a time.
 */
interface DeltaSink {
  /**
   * Blocks the reading thread until the consumer wants another delta.
   *
   * @return {@code false} if the consumer cancelled meanwhile
   */
  default boolean awaitDemand() {
    return true;
  }

  /**
   * Whether its callbacks never block, so the transport may call them on an I/O thread that serves
   * other streams too.
   */
  default boolean direct() {
    return false;
  }

  void delta(Delta delta);

  void usage(Usage usage);

  void complete(ChatResult result);

  void error(Throwable error);

  /**
   * Adapts a listener: no demand to wait for, every callback passed on.
   *
   * @param listener the listener
   * @param direct whether the listener promised never to block ({@code directListeners})
   */
  static DeltaSink of(StreamListener listener, boolean direct) {
    return new DeltaSink() {
      @Override
      public boolean direct() {
        return direct;
      }

      @Override
      public void delta(Delta delta) {
        listener.onDelta(delta);
      }

      @Override
      public void usage(Usage usage) {
        listener.onUsage(usage);
      }

      @Override
      public void complete(ChatResult result) {
        listener.onComplete(result);
      }

      @Override
      public void error(Throwable error) {
        listener.onError(error);
      }
    };
  }
}
