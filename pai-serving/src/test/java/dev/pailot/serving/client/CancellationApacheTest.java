package dev.pailot.serving.client;

/** Cancellation on {@link Transport#APACHE_ASYNC}. */
class CancellationApacheTest extends CancellationTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
