package dev.pailot.serving.client;

/** Retries and breakers on {@link Transport#APACHE_ASYNC}. */
class RetryAndBreakerApacheTest extends RetryAndBreakerTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
