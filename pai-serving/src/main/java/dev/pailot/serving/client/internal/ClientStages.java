package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.Endpoint;
import dev.pailot.serving.client.internal.admission.AdaptiveAdmission;
import dev.pailot.serving.client.internal.admission.AdmissionController;
import dev.pailot.serving.client.internal.admission.FixedLimitAdmission;
import dev.pailot.serving.client.internal.pool.EndpointPool;
import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the pipeline's stages from the settings: the admission stage (a fixed or adaptive limit)
 * and the endpoint pool (each endpoint with its own token or the client's).
 */
final class ClientStages {
  private ClientStages() {}

  static AdmissionController admission(ClientSettings settings, ScheduledExecutorService timer) {
    AdaptiveConcurrency a = settings.adaptive();
    if (a == null) {
      return new FixedLimitAdmission(settings.concurrencyLimit(), settings.maxQueued(), timer);
    }
    return new AdaptiveAdmission(
        a.minLimit(),
        a.initialLimit(),
        a.maxLimit(),
        a.interactiveShare(),
        a.firstTokenTarget() == null ? 0 : a.firstTokenTarget().toNanos(),
        settings.maxQueued(),
        timer,
        System::nanoTime);
  }

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
    return new EndpointPool(members, s.failover(), System::nanoTime)
        .meters(s.registry(), s.serviceName());
  }
}
