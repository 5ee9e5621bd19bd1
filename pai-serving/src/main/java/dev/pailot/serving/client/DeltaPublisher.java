package dev.pailot.serving.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A streamed request as a {@link Flow.Publisher} of {@link Delta}s, returned by {@link
 * InferenceClient#publisher(ChatRequest)}. Cold and single-use: the request is sent when the one
 * subscriber first requests, and a second subscriber is refused with {@code onError}.
 *
 * <p>Demand is honoured: with no outstanding demand the client stops reading the connection, so a
 * slow subscriber slows the engine's stream through TCP flow control instead of buffering it (the
 * idle timeout is paused meanwhile). Cancelling the subscription closes the connection, so the
 * engine aborts the generation. Signals follow the Reactive Streams rules: serial, {@code onNext}
 * only within demand, then one {@code onComplete} or {@code onError}. They arrive on the client's
 * I/O thread that reads the stream. Thread-safe.
 */
public interface DeltaPublisher extends Flow.Publisher<Delta> {
  /**
   * The whole answer with usage and timings, completing after the subscriber's {@code onComplete};
   * exceptionally with the same failure as {@code onError}, or with a {@link
   * java.util.concurrent.CancellationException} when the subscription is cancelled. Cancelling this
   * future cancels the subscription.
   *
   * @return the result future
   */
  CompletableFuture<ChatResult> result();
}
