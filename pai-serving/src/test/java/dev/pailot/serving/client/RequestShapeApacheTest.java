package dev.pailot.serving.client;

/** Request shapes on {@link Transport#APACHE_ASYNC}. */
class RequestShapeApacheTest extends RequestShapeTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
