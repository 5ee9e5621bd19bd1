package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.JsonBody;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * EAS service groups and blue-green release: {@code CreateGroup}, {@code DescribeGroup}, {@code
 * ListGroups}, {@code UpdateGroup}, {@code DeleteGroup} and {@code ReleaseService} (traffic state
 * and weight of a member, §3.8). Thread-safe; never blocks.
 */
final class GroupHandler implements ProductHandler {
  private static final String GROUP = "/api/v2/groups/{ClusterId}/{GroupName}";

  private final EasContext ctx;
  private final ServiceView view;
  private final RoaRoutes routes;

  GroupHandler(EasContext ctx, ServiceView view) {
    this.ctx = ctx;
    this.view = view;
    this.routes =
        RoaRoutes.builder()
            .route("POST", "/api/v2/groups", "CreateGroup", this::create)
            .route("GET", "/api/v2/groups", "ListGroups", this::list)
            .route("GET", GROUP, "DescribeGroup", this::describe)
            .route("PUT", GROUP, "UpdateGroup", this::update)
            .route("DELETE", GROUP, "DeleteGroup", this::delete)
            .route(
                "PUT",
                "/api/v2/services/{ClusterId}/{ServiceName}/release",
                "ReleaseService",
                this::release)
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

  private ServiceError notFound(String name) {
    return ServiceError.notFound(
        "InvalidGroup.NotFound",
        "Group [" + name + "] in region [" + ctx.emulation.region() + "] does not exist.");
  }

  private ServiceGroup group(ControlRequest request) {
    ctx.emulation.checkRegion(request.pathParams().get("ClusterId"));
    String name = request.pathParams().get("GroupName");
    return ctx.store.group(name).orElseThrow(() -> notFound(name));
  }

  private ObjectNode create(ControlRequest request) {
    String name = request.json().required("Name");
    ServiceSpec.checkName("Name", name);
    ctx.store.atomically(
        () -> {
          if (ctx.store.group(name).isPresent()) {
            throw new ServiceError(409, "InvalidParameter", "Group [" + name + "] already exists.");
          }
          return ctx.store.ensureGroup(name, true, ctx::newToken);
        });
    return message("Group [" + name + "] is created");
  }

  private ObjectNode describe(ControlRequest request) {
    return ctx.store.atomically(() -> view.group(group(request)));
  }

  private ObjectNode list(ControlRequest request) {
    QueryParams p = request.params();
    Optional<String> filter = p.optional("Filter");
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 100, 1, 100);
    return ctx.store.atomically(
        () -> {
          List<ServiceGroup> matching =
              ctx.store.groups().stream()
                  .filter(g -> filter.isEmpty() || g.name.contains(filter.get()))
                  .sorted(Comparator.comparing((ServiceGroup g) -> g.createdAt).reversed())
                  .toList();
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("TotalCount", matching.size())
                  .put("PageNumber", pageNumber)
                  .put("PageSize", pageSize);
          ArrayNode items = out.putArray("Groups");
          Pages.page(matching, pageNumber, pageSize).forEach(g -> items.add(view.group(g)));
          return out;
        });
  }

  private ObjectNode update(ControlRequest request) {
    Optional<String> mode = request.json().text("TrafficMode");
    return ctx.store.atomically(
        () -> {
          ServiceGroup g = group(request);
          mode.ifPresent(m -> g.trafficMode = m);
          g.updatedAt = ctx.emulation.now();
          return message("Group [" + g.name + "] is updated");
        });
  }

  private ObjectNode delete(ControlRequest request) {
    boolean cascade = request.params().bool("CascadeDelete").orElse(false);
    return ctx.store.atomically(
        () -> {
          ServiceGroup g = group(request);
          List<EasService> members = ctx.store.members(g.name);
          if (!members.isEmpty() && !cascade) {
            throw ServiceError.invalid(
                "CascadeDelete",
                "group [" + g.name + "] still has services; delete them or set CascadeDelete=true");
          }
          members.forEach(ctx.lifecycle::delete);
          ctx.store.removeGroup(g.name);
          return message("Group [" + g.name + "] is deleting");
        });
  }

  private ObjectNode release(ControlRequest request) {
    JsonBody body = request.json();
    Optional<String> state = body.text("TrafficState");
    Optional<JsonNode> weight = body.node("Weight");
    if (state.isEmpty() && weight.isEmpty()) {
      throw ServiceError.missing("Weight");
    }
    state
        .filter(s -> !s.equals("standalone") && !s.equals("grouping"))
        .ifPresent(
            s -> {
              throw ServiceError.invalid("TrafficState", "standalone or grouping");
            });
    weight
        .filter(w -> !w.isIntegralNumber() || w.asInt() < -1 || w.asInt() > 1000)
        .ifPresent(
            w -> {
              throw ServiceError.invalid("Weight", "an integer from -1 to 1000");
            });
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.group().isEmpty()) {
            throw ServiceError.invalid(
                "ServiceName",
                "service [" + s.name + "] is not in a service group; set metadata.group first");
          }
          state.ifPresent(v -> s.standalone = v.equals("standalone"));
          // -1 clears the weight: the service shares traffic by instance count again.
          weight.ifPresent(w -> s.weight = w.asInt() < 0 ? null : w.asInt());
          s.updatedAt = ctx.emulation.now();
          return ctx.reply(s.name, "released");
        });
  }

  private static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("Message", text);
  }
}
