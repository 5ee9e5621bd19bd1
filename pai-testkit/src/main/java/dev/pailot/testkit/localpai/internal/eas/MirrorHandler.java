package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.Optional;

/**
 * EAS traffic mirroring: {@code CreateServiceMirror}, {@code UpdateServiceMirror}, {@code
 * DescribeServiceMirror}, {@code DeleteServiceMirror}. The gateway copies {@code Ratio} percent of
 * the service's requests to each target. Thread-safe; never blocks.
 */
final class MirrorHandler implements ProductHandler {
  private static final String MIRROR = "/api/v2/services/{ClusterId}/{ServiceName}/mirror";

  private final EasContext ctx;
  private final RoaRoutes routes;

  MirrorHandler(EasContext ctx) {
    this.ctx = ctx;
    this.routes =
        RoaRoutes.builder()
            .route("POST", MIRROR, "CreateServiceMirror", r -> put(r, true))
            .route("PUT", MIRROR, "UpdateServiceMirror", r -> put(r, false))
            .route("GET", MIRROR, "DescribeServiceMirror", this::describe)
            .route("DELETE", MIRROR, "DeleteServiceMirror", this::delete)
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

  private ServiceError noMirror(EasService s) {
    return ServiceError.notFound(
        "InvalidMirror.NotFound", "Service [" + s.name + "] has no traffic mirror.");
  }

  private ObjectNode put(ControlRequest request, boolean create) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          MirrorConfig config = MirrorConfig.parse(request.json(), s.name);
          for (String target : config.targets()) {
            if (ctx.store.service(target).isEmpty()) {
              throw ServiceError.invalid("Target", "no service named " + target + " in the region");
            }
          }
          if (create && s.mirror != null) {
            throw new ServiceError(
                409, "InvalidParameter", "Service [" + s.name + "] already has a traffic mirror.");
          }
          if (!create && s.mirror == null) {
            throw noMirror(s);
          }
          s.mirror = config;
          return ctx.reply(s.name, "mirroring " + config.ratio() + "% of its traffic");
        });
  }

  private ObjectNode describe(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          MirrorConfig m = Optional.ofNullable(s.mirror).orElseThrow(() -> noMirror(s));
          return JsonNodeFactory.instance
              .objectNode()
              .put("ServiceName", s.name)
              .put("Ratio", Integer.toString(m.ratio()))
              .put("Target", String.join(",", m.targets()));
        });
  }

  private ObjectNode delete(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.mirror == null) {
            throw noMirror(s);
          }
          s.mirror = null;
          return ctx.reply(s.name, "no longer mirroring its traffic");
        });
  }
}
