package dev.pailot.serving.client.internal;

import dev.pailot.core.error.ValidationException;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Where requests go. An EAS endpoint ({@code
 * http://{uid}.{region}.pai-eas.aliyuncs.com/api/predict/ {service}}, its VPC or group form) takes
 * the OpenAI routes below {@code /v1}; a base URL that already ends in {@code /v1} is used as it
 * is. Raw predict calls go to the endpoint itself. Query strings and user info are refused, so
 * nothing secret can hide in the URL. Immutable.
 */
public final class EndpointAddress {
  private static final String PREDICT = "/api/predict/";

  private final HttpUrl base;
  private final HttpUrl openAiBase;

  private EndpointAddress(HttpUrl base) {
    this.base = base;
    List<String> segments = base.pathSegments();
    boolean isV1 = !segments.isEmpty() && segments.get(segments.size() - 1).equals("v1");
    this.openAiBase = isV1 ? base : base.newBuilder().addPathSegment("v1").build();
  }

  /**
   * Parses and checks an endpoint URL.
   *
   * @param url the URL
   * @return the address
   * @throws ValidationException if it is not an absolute http(s) URL without query or user info
   */
  public static EndpointAddress parse(String url) {
    String fix =
        "use the service's endpoint, e.g. http://123.cn-shanghai.pai-eas.aliyuncs.com"
            + "/api/predict/my_service";
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw ValidationException.invalidField("endpoint", "is not an http(s) URL", fix);
    }
    if (parsed.query() != null || !parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw ValidationException.invalidField(
          "endpoint",
          "has a query string or user info",
          "drop them; pass the EAS token with token(...)");
    }
    HttpUrl.Builder b = parsed.newBuilder().fragment(null);
    // Drop a trailing slash so that sub-paths join cleanly.
    List<String> segments = parsed.pathSegments();
    if (segments.size() > 0 && segments.get(segments.size() - 1).isEmpty()) {
      b.removePathSegment(segments.size() - 1);
    }
    return new EndpointAddress(b.build());
  }

  /**
   * An OpenAI route, e.g. {@code chat/completions}.
   *
   * @param route the route below {@code /v1}
   * @return the URL
   */
  public HttpUrl openAi(String route) {
    return openAiBase.newBuilder().addPathSegments(route).build();
  }

  /**
   * The endpoint itself, or a sub-path of it.
   *
   * @param subPath empty, or a path starting with {@code /}
   * @return the URL
   */
  public HttpUrl predict(String subPath) {
    if (subPath.isEmpty()) {
      return base;
    }
    return base.newBuilder().addPathSegments(subPath.substring(1)).build();
  }

  /**
   * A path for health checks and engine metrics: below the endpoint, or below the parent of a base
   * URL that ends in {@code /v1} (where vLLM serves {@code /health} and {@code /metrics}).
   *
   * @param path a path starting with {@code /}
   * @return the URL
   */
  public HttpUrl probe(String path) {
    HttpUrl root = base;
    if (openAiBase == base) {
      root = base.newBuilder().removePathSegment(base.pathSize() - 1).build();
    }
    String segments = path.startsWith("/") ? path.substring(1) : path;
    if (segments.isEmpty()) {
      return root;
    }
    HttpUrl.Builder b = root.newBuilder();
    List<String> rootSegments = root.pathSegments();
    if (rootSegments.size() == 1 && rootSegments.get(0).isEmpty()) {
      b.removePathSegment(0);
    }
    return b.addPathSegments(segments).build();
  }

  /**
   * The name metrics use when none is given: the service or group after {@code /api/predict/}, else
   * the host.
   *
   * @return the service name
   */
  public String defaultServiceName() {
    String path = base.encodedPath();
    int at = path.indexOf(PREDICT);
    if (at >= 0) {
      String rest = path.substring(at + PREDICT.length());
      int slash = rest.indexOf('/');
      String name = slash < 0 ? rest : rest.substring(0, slash);
      if (!name.isEmpty()) {
        return name;
      }
    }
    return base.host();
  }

  /**
   * The URL for messages and timings: scheme, host, port and path only.
   *
   * @return the display form
   */
  public String display() {
    return base.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
