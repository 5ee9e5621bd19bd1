package dev.pailot.serving.client;

/** The SSE stream's edge cases on {@link Transport#APACHE_ASYNC}. */
class StreamingEdgeCasesApacheTest extends StreamingEdgeCasesTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
