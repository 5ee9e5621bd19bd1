package dev.pailot.serving.client;

/**
 * The blocking predict on {@link Transport#APACHE_ASYNC}: the reactor reads the answer and the
 * waiting caller handles it, so no thread of the client's executor is used either.
 */
class BlockingPredictApacheTest extends BlockingPredictTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
