package dev.pailot.serving.client;

/**
 * Timeouts on {@link Transport#APACHE_ASYNC} with listeners called on the I/O thread ({@link
 * InferenceClientBuilder#directListeners(boolean)}).
 */
class TimeoutsDirectTest extends TimeoutsApacheTest {
  @Override
  boolean directListeners() {
    return true;
  }
}
