package dev.pailot.serving.client;

/** Timeouts on {@link Transport#APACHE_ASYNC}. */
class TimeoutsApacheTest extends TimeoutsTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
