package dev.pailot.serving.client;

/** HTTP errors on {@link Transport#APACHE_ASYNC}. */
class HttpErrorsApacheTest extends HttpErrorsTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
