package dev.pailot.testkit.localpai.internal.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ROA routing by method and path template, e.g. {@code GET /api/v1/workspaces/{WorkspaceId}}.
 * Placeholders match one path segment and are percent-decoded. Immutable once built.
 */
public final class RoaRoutes {
  private final List<Route> routes;

  private RoaRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves a request by method and path.
   *
   * @param request the request
   * @return the operation with path parameters bound, or empty
   */
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    String[] segments = split(request.rawPath());
    for (Route route : routes) {
      if (!route.method.equals(request.method()) || route.segments.length != segments.length) {
        continue;
      }
      Map<String, String> params = match(route.segments, segments);
      if (params != null) {
        return Optional.of(
            new ResolvedOperation(route.action, request.withPathParams(params), route.operation));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> match(String[] template, String[] actual) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        // '+' is a literal plus in a path, unlike in a form-encoded query.
        String decoded = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        params.put(t.substring(1, t.length() - 1), decoded);
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  private record Route(String method, String[] segments, String action, ApiOperation operation) {}

  /** Builder. Not thread-safe. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    /**
     * Registers a route.
     *
     * @param method HTTP method
     * @param pathTemplate path with {@code {Name}} placeholders
     * @param action the API action name reported for it
     * @param operation its body
     * @return this
     */
    public Builder route(
        String method, String pathTemplate, String action, ApiOperation operation) {
      routes.add(new Route(method, split(pathTemplate), action, operation));
      return this;
    }

    /**
     * Builds the table.
     *
     * @return table
     */
    public RoaRoutes build() {
      return new RoaRoutes(routes);
    }
  }
}
