package dev.pailot.serving.client.internal;

import java.io.IOException;

/**
 * One HTTP stack under whole-answer calls: sends a POST and reports its answer or failure. Each
 * call reports exactly once through its {@link Callback}, unless it was cancelled first.
 */
interface UnaryTransport {
  /**
   * Sends a request. Hands the callback its way to cancel the call before any I/O; with {@code
   * inline} it may block until the answer is read.
   *
   * @param request what to send
   * @param callback where the outcome goes
   * @param inline whether the calling thread waits for this very answer and may read it itself
   */
  void send(Outgoing request, Callback callback, boolean inline);

  /** Where a call's outcome goes; one method, once. */
  interface Callback {
    /** How to cancel the call (closing its connection); called first, before any I/O. */
    void cancelWith(Runnable cancel);

    /** The answer arrived; its body is read, if at all, inside this call. */
    void answered(HttpAnswer answer);

    /**
     * No answer: the connection failed before one arrived.
     *
     * @param neverConnected whether the request certainly never reached the server
     */
    void unreachable(IOException e, boolean neverConnected);

    /** The connection broke while the answer's body was arriving. */
    void lost(IOException e);

    /** The calling thread was interrupted while it read the answer inline. */
    void interrupted();

    /** Anything else. */
    void failed(Throwable e);
  }
}
