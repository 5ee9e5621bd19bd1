package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * EAS instances and endpoints: {@code ListServiceInstances}, {@code DeleteServiceInstances} (which
 * replaces the named instances, i.e. restarts them) and {@code DescribeServiceEndpoints} (§9.2).
 * Events are in {@link EventHandler}. Thread-safe; never blocks.
 */
final class InstanceHandler implements ProductHandler {
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final EasContext ctx;
  private final ServiceView view;
  private final RoaRoutes routes;

  InstanceHandler(EasContext ctx, ServiceView view) {
    this.ctx = ctx;
    this.view = view;
    this.routes =
        RoaRoutes.builder()
            .route("GET", SERVICE + "/instances", "ListServiceInstances", this::list)
            .route("DELETE", SERVICE + "/instances", "DeleteServiceInstances", this::delete)
            .route("GET", SERVICE + "/endpoints", "DescribeServiceEndpoints", this::endpoints)
            .build();
  }

  @Override
  public Product product() {
    return Product.EAS;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return routes.resolve(request);
  }

  private ObjectNode list(ControlRequest request) {
    QueryParams p = request.params();
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 100, 1, 500);
    Optional<String> status = p.optional("InstanceStatus");
    Optional<String> name = p.optional("InstanceName");
    Optional<String> filter = p.optional("Filter");
    Optional<Boolean> spot = p.bool("IsSpot");
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          Instant now = ctx.emulation.now();
          List<Replica> matching =
              s.replicas.stream()
                  .filter(
                      r ->
                          status.isEmpty()
                              || status.get().equals(ServiceView.instanceStatus(r, now)))
                  .filter(r -> name.isEmpty() || name.get().equals(r.name))
                  .filter(r -> filter.isEmpty() || r.name.contains(filter.get()))
                  .filter(r -> spot.isEmpty() || !spot.get())
                  .toList();
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("TotalCount", matching.size())
                  .put("PageNumber", pageNumber)
                  .put("PageSize", pageSize);
          ArrayNode items = out.putArray("Instances");
          Pages.page(matching, pageNumber, pageSize).forEach(r -> items.add(view.instance(s, r)));
          return out;
        });
  }

  private ObjectNode delete(ControlRequest request) {
    List<String> names = request.params().csv("InstanceList");
    if (names.isEmpty()) {
      throw ServiceError.missing("InstanceList");
    }
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          List<Replica> victims =
              names.stream()
                  .map(
                      n ->
                          s.replicas.stream()
                              .filter(r -> r.name.equals(n))
                              .findFirst()
                              .orElseThrow(
                                  () ->
                                      ServiceError.invalid(
                                          "InstanceList", "service has no instance named " + n)))
                  .toList();
          victims.forEach(r -> ctx.lifecycle.replace(s, r));
          return ctx.reply(s.name, "restarting " + victims.size() + " instance(s)");
        });
  }

  private ObjectNode endpoints(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          ObjectNode out = JsonNodeFactory.instance.objectNode().put("AccessToken", s.token);
          ArrayNode items = out.putArray("Endpoints");
          items.add(endpoint(s.name, "Service"));
          s.group().ifPresent(g -> items.add(endpoint(g, "Group")));
          return out;
        });
  }

  private ObjectNode endpoint(String name, String pathType) {
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("EndpointType", "DefaultGateway")
            .put("BackendId", "default")
            .put("PathType", pathType)
            .put("Port", 0);
    n.putArray("InternetEndpoints").add(ctx.endpoint(name));
    n.putArray("IntranetEndpoints").add(ctx.endpoint(name));
    return n;
  }
}
