package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * EAS 2021-07-01 service lifecycle operations: {@code CreateService}, {@code DescribeService},
 * {@code DeleteService}, {@code StartService}, {@code StopService}, {@code RestartService}. Listing
 * is in {@link ServiceListing}. Thread-safe; never blocks.
 */
final class ServiceHandler implements ProductHandler {
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";
  private final EasContext ctx;
  private final ServiceView view;
  private final RoaRoutes routes;

  ServiceHandler(EasContext ctx, ServiceView view) {
    this.ctx = ctx;
    this.view = view;
    this.routes =
        RoaRoutes.builder()
            .route("POST", "/api/v2/services", "CreateService", this::create)
            .route("GET", SERVICE, "DescribeService", this::describe)
            .route("DELETE", SERVICE, "DeleteService", this::delete)
            .route("PUT", SERVICE + "/start", "StartService", this::start)
            .route("PUT", SERVICE + "/stop", "StopService", this::stop)
            .route("PUT", SERVICE + "/restart", "RestartService", this::restart)
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

  private ObjectNode create(ControlRequest request) {
    ServiceSpec spec = ServiceSpec.parse(EasContext.body(request));
    Optional<String> workspace =
        request
            .params()
            .optional("WorkspaceId")
            .or(() -> Optional.ofNullable(spec.config().at("/metadata/workspace_id").textValue()));
    Map<String, String> labels = EasContext.labels("Labels", request.params().optional("Labels"));
    EasService s =
        ctx.store.atomically(
            () -> {
              if (ctx.store.contains(spec.name())) {
                throw new ServiceError(
                    409,
                    "InvalidParameter",
                    "Service ["
                        + spec.name()
                        + "] in region ["
                        + ctx.emulation.region()
                        + "] already exists.");
              }
              return add(spec, workspace, labels);
            });
    return JsonNodeFactory.instance
        .objectNode()
        .put("ServiceId", s.id)
        .put("ServiceName", s.name)
        .put("Status", "Creating")
        .put("Region", ctx.emulation.region())
        .put("InternetEndpoint", ctx.endpoint(s.name))
        .put("IntranetEndpoint", ctx.endpoint(s.name));
  }

  /** Stores a new service at version 1 and starts creating it. Holds the store monitor. */
  private EasService add(ServiceSpec spec, Optional<String> workspace, Map<String, String> labels) {
    Instant now = ctx.emulation.now();
    EasService s =
        new EasService(
            new EasService.Identity(
                spec.name(),
                ctx.emulation.newId("eas-m-", 20),
                spec.token().orElseGet(ctx::newToken),
                workspace,
                labels),
            now);
    s.versions.add(new ServiceVersion(1, spec, now));
    s.currentVersion = 1;
    s.desired = spec.instances();
    // networking.traffic_state=standalone (EAS key catalogue): a new group member that takes no
    // group traffic until ReleaseService puts it in; otherwise it shares by instance count.
    s.standalone = "standalone".equals(spec.config().at("/networking/traffic_state").asText());
    spec.group().ifPresent(g -> ctx.store.ensureGroup(g, false, ctx::newToken));
    ctx.store.put(s);
    ctx.lifecycle.create(s);
    return s;
  }

  private ObjectNode describe(ControlRequest request) {
    return ctx.store.atomically(() -> view.service(ctx.service(request), true));
  }

  private ObjectNode delete(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          if (!s.deleting()) {
            ctx.lifecycle.delete(s);
            ctx.store.dropEmptyGroups();
          }
          return ctx.reply(s.name, "deleting");
        });
  }

  private ObjectNode start(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          ctx.lifecycle.start(s);
          return ctx.reply(s.name, "starting");
        });
  }

  private ObjectNode stop(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.phase != EasService.Phase.STOPPED && s.phase != EasService.Phase.STOPPING) {
            ctx.lifecycle.stop(s);
          }
          return ctx.reply(s.name, "stopping");
        });
  }

  private ObjectNode restart(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.phase == EasService.Phase.STOPPED || s.phase == EasService.Phase.STOPPING) {
            ctx.lifecycle.start(s);
          } else {
            ctx.lifecycle.rollout(s, "Updating");
          }
          return ctx.reply(s.name, "restarting");
        });
  }
}
