package dev.pailot.serving.client;

/**
 * Timings and metrics on {@link Transport#APACHE_ASYNC} with listeners called on the I/O thread
 * ({@link InferenceClientBuilder#directListeners(boolean)}).
 */
class TimingsAndMetricsDirectTest extends TimingsAndMetricsApacheTest {
  @Override
  boolean directListeners() {
    return true;
  }
}
