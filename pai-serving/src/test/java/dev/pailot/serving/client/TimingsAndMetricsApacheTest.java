package dev.pailot.serving.client;

/** Timings and metrics on {@link Transport#APACHE_ASYNC}. */
class TimingsAndMetricsApacheTest extends TimingsAndMetricsTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
