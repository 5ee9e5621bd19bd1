package dev.pailot.serving.client.internal;

import java.net.ProxySelector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes through the JVM's default {@link ProxySelector} (as captured when the client is built),
 * decided once per target host. Apache's planner asks the selector on every request, which builds a
 * {@code URI} and reads the proxy system properties each time; OkHttp asks it once per new
 * connection. The client only talks to its few endpoints, so the map stays small; past {@link
 * #MAX_HOSTS} hosts routes are decided per request again.
 */
final class ApacheRoutes implements HttpRoutePlanner {
  static final int MAX_HOSTS = 256;

  private final HttpRoutePlanner planner;
  private final ConcurrentMap<HttpHost, HttpRoute> routes = new ConcurrentHashMap<>();

  ApacheRoutes(ProxySelector proxies) {
    this.planner = new SystemDefaultRoutePlanner(proxies);
  }

  @Override
  public HttpRoute determineRoute(HttpHost target, HttpContext context) throws HttpException {
    HttpRoute route = routes.get(target);
    if (route == null) {
      route = planner.determineRoute(target, context);
      if (routes.size() < MAX_HOSTS) {
        routes.putIfAbsent(target, route);
      }
    }
    return route;
  }
}
