package dev.pailot.serving.client;

/**
 * Receives one streamed answer as it arrives. Passed to {@link InferenceClient#stream(ChatRequest,
 * StreamListener)}.
 *
 * <p>Callbacks for one stream are made one at a time, in order, on one of the client's I/O threads
 * (the thread that reads that stream's connection, or with {@link Transport#APACHE_ASYNC} the
 * client's executor): {@link #onDelta} for each piece of text, {@link #onUsage} when the usage
 * chunk arrives, then exactly one of {@link #onComplete} or {@link #onError}. A callback that
 * blocks holds back the reading of its own stream only (the engine sees a slow reader); keep them
 * short or hand work to your own executor. With {@link
 * InferenceClientBuilder#directListeners(boolean)} {@link #onDelta} and {@link #onUsage} run on an
 * I/O reactor thread that reads many streams, and must never block. A callback that throws cancels
 * the stream: the connection is closed, {@link StreamHandle#result()} completes exceptionally with
 * the thrown exception, and no further callback is made.
 *
 * <p>After {@link StreamHandle#cancel()} no further callback is made, apart from one that was
 * already running.
 */
public interface StreamListener {
  /**
   * A piece of the answer arrived.
   *
   * @param delta the new text and, on the last piece, the finish reason
   */
  void onDelta(Delta delta);

  /**
   * The engine reported the token usage (the final chunk, with {@code includeUsage}). Default: does
   * nothing; the usage is also in the result.
   *
   * @param usage the usage
   */
  default void onUsage(Usage usage) {}

  /**
   * The answer is complete. Default: does nothing; the result also completes {@link
   * StreamHandle#result()}.
   *
   * @param result the whole answer with its timings
   */
  default void onComplete(ChatResult result) {}

  /**
   * The stream failed: a {@link dev.pailot.core.error.PaiException} subtype that says what went
   * wrong and what to do. Default: does nothing; the failure also completes {@link
   * StreamHandle#result()} exceptionally. A failure raised off the reading thread (a timeout, the
   * client closing) completes {@code result()} at once and reaches this callback on the reading
   * thread when the cancelled call unwinds, so callbacks stay serial.
   *
   * @param error the failure
   */
  default void onError(Throwable error) {}
}
