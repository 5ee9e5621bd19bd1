package dev.pailot.serving.client;

/** Pool failover on {@link Transport#APACHE_ASYNC}. */
class PoolFailoverApacheTest extends PoolFailoverTest {
  @Override
  Transport transport() {
    return Transport.APACHE_ASYNC;
  }
}
