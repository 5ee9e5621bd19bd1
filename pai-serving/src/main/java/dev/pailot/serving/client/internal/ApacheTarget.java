package dev.pailot.serving.client.internal;

import java.io.IOException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Takes the place of Apache's {@link ChainElement#PROTOCOL} step in the client's exec chain. That
 * step sets the request's target for its route and then runs HTTP authentication (credentials,
 * challenges, an auth cache keyed by the request's path prefix, which it re-parses with a URI
 * builder on every request). The client authenticates with its own {@code Authorization} header and
 * configures no Apache credentials, so a challenge could only ever be passed back unanswered; this
 * step keeps the target handling and passes every response on as it is, as OkHttp does without an
 * authenticator. A 401 or 407 reaches the caller like any other status.
 */
final class ApacheTarget {
  private ApacheTarget() {}

  /**
   * Through a plain HTTP proxy the request line carries the absolute URI; otherwise the request
   * keeps its path, with its scheme and authority set from the route's target if it lacks them.
   */
  static void execute(
      HttpRequest request,
      AsyncEntityProducer entity,
      AsyncExecChain.Scope scope,
      AsyncExecChain chain,
      AsyncExecCallback callback)
      throws HttpException, IOException {
    HttpRoute route = scope.route;
    HttpHost target = route.getTargetHost();
    HttpRequest sent = request;
    if (route.getProxyHost() != null && !route.isTunnelled()) {
      BasicRequestBuilder copy = BasicRequestBuilder.copy(request);
      if (copy.getAuthority() == null) {
        copy.setAuthority(new URIAuthority(target));
      }
      copy.setAbsoluteRequestUri(true);
      sent = copy.build();
    }
    if (sent.getScheme() == null) {
      sent.setScheme(target.getSchemeName());
    }
    if (sent.getAuthority() == null) {
      sent.setAuthority(new URIAuthority(target));
    }
    chain.proceed(sent, entity, scope, callback);
  }
}
