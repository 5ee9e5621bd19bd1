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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * EAS {@code ListServices} (§3.5): filters, sorting ({@code CreateTime} descending by default) and
 * 1-based paging ({@code PageSize} default 100). Thread-safe; never blocks.
 */
final class ServiceListing implements ProductHandler {
  private final EasContext ctx;
  private final ServiceView view;
  private final RoaRoutes routes;

  ServiceListing(EasContext ctx, ServiceView view) {
    this.ctx = ctx;
    this.view = view;
    this.routes =
        RoaRoutes.builder().route("GET", "/api/v2/services", "ListServices", this::list).build();
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
    int pageSize = p.integer("PageSize", 100, 1, 100);
    Predicate<EasService> filter = filter(p);
    Comparator<EasService> order = order(p);
    return ctx.store.atomically(
        () -> {
          List<EasService> matching =
              ctx.store.services().stream().filter(filter).sorted(order).toList();
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("TotalCount", matching.size())
                  .put("PageNumber", pageNumber)
                  .put("PageSize", pageSize);
          ArrayNode items = out.putArray("Services");
          Pages.page(matching, pageNumber, pageSize)
              .forEach(s -> items.add(view.service(s, false)));
          return out;
        });
  }

  private Predicate<EasService> filter(QueryParams p) {
    Predicate<EasService> f = s -> true;
    f = f.and(contains(p.optional("Filter"), s -> s.name));
    f = f.and(equal(p.optional("ServiceName"), s -> s.name));
    f = f.and(equal(p.optional("ServiceUid"), s -> s.id));
    f = f.and(equal(p.optional("ServiceStatus"), ctx.lifecycle::status));
    f = f.and(equal(p.optional("ServiceType"), ServiceListing::type));
    f = f.and(equal(p.optional("GroupName"), s -> s.group().orElse("")));
    f = f.and(equal(p.optional("WorkspaceId"), s -> s.workspaceId.orElse("")));
    f = f.and(equal(p.optional("QuotaId"), s -> metadata(s, "quota_id")));
    f = f.and(equal(p.optional("ResourceId"), s -> metadata(s, "resource")));
    f = f.and(equal(p.optional("TrafficState"), ServiceListing::trafficState));
    f = f.and(flag(p.bool("AutoscalerEnabled"), s -> s.autoscaler != null));
    f = f.and(flag(p.bool("CronscalerEnabled"), s -> s.cronScaler != null));
    Map<String, String> labels = EasContext.labels("Label", p.optional("Label"));
    return f.and(s -> s.labels.entrySet().containsAll(labels.entrySet()));
  }

  private static Comparator<EasService> order(QueryParams p) {
    String sort = p.optional("Sort").orElse("CreateTime");
    Comparator<EasService> by =
        switch (sort) {
          case "CreateTime" -> Comparator.comparing((EasService s) -> s.createdAt);
          case "UpdateTime" -> Comparator.comparing((EasService s) -> s.updatedAt);
          case "ServiceName" -> Comparator.comparing((EasService s) -> s.name);
          default -> throw ServiceError.invalid("Sort", "CreateTime, UpdateTime or ServiceName");
        };
    String order = p.optional("Order").orElse("desc").toLowerCase(Locale.ROOT);
    if (!order.equals("asc") && !order.equals("desc")) {
      throw ServiceError.invalid("Order", "asc or desc");
    }
    return order.equals("asc") ? by : by.reversed();
  }

  static String type(EasService s) {
    return s.current().config().path("metadata").path("type").asText("Standard");
  }

  static String trafficState(EasService s) {
    return s.standalone || s.group().isEmpty() ? "standalone" : "grouping";
  }

  private static String metadata(EasService s, String key) {
    return s.current().config().path("metadata").path(key).asText("");
  }

  private static Predicate<EasService> contains(
      Optional<String> wanted, java.util.function.Function<EasService, String> field) {
    return s -> wanted.isEmpty() || field.apply(s).contains(wanted.get());
  }

  private static Predicate<EasService> equal(
      Optional<String> wanted, java.util.function.Function<EasService, String> field) {
    return s -> wanted.isEmpty() || wanted.get().equals(field.apply(s));
  }

  private static Predicate<EasService> flag(Optional<Boolean> wanted, Predicate<EasService> field) {
    return s -> wanted.isEmpty() || wanted.get() == field.test(s);
  }
}
