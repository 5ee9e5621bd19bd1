package dev.pailot.serving.client;

/**
 * The SSE stream's edge cases on {@link Transport#APACHE_ASYNC} with listeners called on the I/O
 * thread ({@link InferenceClientBuilder#directListeners(boolean)}).
 */
class StreamingEdgeCasesDirectTest extends StreamingEdgeCasesApacheTest {
  @Override
  boolean directListeners() {
    return true;
  }
}
