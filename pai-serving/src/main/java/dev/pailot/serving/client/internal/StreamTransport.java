package dev.pailot.serving.client.internal;

/**
 * One HTTP stack under streamed generations: sends a POST that asks for {@code text/event-stream}
 * and reports the stream's events. Every report of one call comes from one thread at a time, in
 * order, and the call ends with exactly one {@link Events#closed()} or {@link Events#failed}, also
 * after it was cancelled.
 */
interface StreamTransport {
  /**
   * Opens a stream.
   *
   * @param request what to send
   * @param events where the stream's reports go
   */
  void open(Outgoing request, Events events);

  /** A stream's reports. */
  interface Events {
    /**
     * Whether the reports may run on an I/O thread that serves other calls too (the consumer never
     * blocks). Otherwise a transport that shares I/O threads hands them to an executor.
     */
    boolean direct();

    /** How to cancel the call (closing its connection); may come after the first reports. */
    void cancelWith(Runnable cancel);

    /** A successful answer with an event stream began. */
    void opened();

    /** One event's data (comments, keep-alives and empty events are not reported). */
    void event(String data);

    /** The stream ended normally. */
    void closed();

    /**
     * The stream failed or was cancelled.
     *
     * @param error why
     * @param answer the HTTP answer when one arrived that was not a successful event stream, else
     *     {@code null}
     */
    void failed(Throwable error, HttpAnswer answer);
  }
}
