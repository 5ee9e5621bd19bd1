package dev.pailot.serving.client;

/**
 * Cancellation on {@link Transport#APACHE_ASYNC} with listeners called on the I/O thread ({@link
 * InferenceClientBuilder#directListeners(boolean)}).
 */
class CancellationDirectTest extends CancellationApacheTest {
  @Override
  boolean directListeners() {
    return true;
  }
}
