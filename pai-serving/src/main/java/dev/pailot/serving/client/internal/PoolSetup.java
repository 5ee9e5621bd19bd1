package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.Endpoint;
import dev.pailot.serving.client.internal.pool.EndpointPool;
import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import java.util.ArrayList;
import java.util.List;

/** Turns the configured endpoints into the pool: each with its own token or the client's. */
final class PoolSetup {
  private PoolSetup() {}

  static EndpointPool pool(ClientSettings s) {
    List<PoolEndpoint> members = new ArrayList<>();
    for (Endpoint e : s.endpoints()) {
      AccessToken token = s.token();
      if (e.token().isPresent()) {
        token = AccessToken.raw(e.token().get());
      } else if (e.bearerToken().isPresent()) {
        token = AccessToken.bearer(e.bearerToken().get());
      }
      members.add(
          new PoolEndpoint(
              EndpointAddress.parse(e.url()),
              token,
              e.weight(),
              e.zone().orElse(null),
              s.failover()));
    }
    return new EndpointPool(members, s.failover(), System::nanoTime);
  }
}
