package dev.pailot.serving.client.internal;

import java.io.IOException;

/** An HTTP answer as the client's readers and error mapping see it, whichever stack received it. */
interface HttpAnswer {
  /** How much of an error body is read to quote it. */
  long PEEK_LIMIT = 64 * 1024;

  /** The status code. */
  int code();

  /** The first value of header {@code name}, or {@code null}. */
  String header(String name);

  /**
   * The whole body; read once.
   *
   * @throws IOException if the connection broke while reading it
   */
  byte[] body() throws IOException;

  /** Up to {@link #PEEK_LIMIT} bytes of the body as text, stripped; empty when unreadable. */
  String peek();
}
