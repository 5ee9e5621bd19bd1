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
import dev.pailot.testkit.localpai.internal.eas.EasService.Phase;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * EAS changes of a running service: {@code UpdateService} (merge or replace; a body with only
 * {@code metadata.instance} scales), {@code UpdateServiceVersion} (roll back or forward to a kept
 * version), {@code ListServiceVersions} and {@code ScaleService}. Every other update creates a new
 * version and rolls it out ({@code Updating}). Thread-safe; never blocks.
 */
final class VersionHandler implements ProductHandler {
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final EasContext ctx;
  private final RoaRoutes routes;

  VersionHandler(EasContext ctx) {
    this.ctx = ctx;
    this.routes =
        RoaRoutes.builder()
            .route("PUT", SERVICE, "UpdateService", this::update)
            .route("PUT", SERVICE + "/version", "UpdateServiceVersion", this::updateVersion)
            .route("GET", SERVICE + "/versions", "ListServiceVersions", this::listVersions)
            .route("PUT", SERVICE + "/scale", "ScaleService", this::scale)
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

  private ObjectNode update(ControlRequest request) {
    ObjectNode patch = EasContext.body(request);
    String type = request.params().optional("UpdateType").orElse("merge");
    if (!type.equals("merge") && !type.equals("replace")) {
      throw ServiceError.invalid("UpdateType", "merge or replace");
    }
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (type.equals("merge") && ConfigMerge.isScaleOnly(patch)) {
            ctx.lifecycle.scale(
                s, instances(patch.path("metadata").path("instance"), "metadata.instance"));
            return ctx.reply(s.name, "updating");
          }
          ObjectNode next =
              type.equals("merge") ? ConfigMerge.merge(s.currentConfig(), patch) : patch.deepCopy();
          addVersion(s, spec(s, next));
          return ctx.reply(s.name, "updating");
        });
  }

  /** Validates the new JSON; the name stays, a fixed token cannot change. */
  private static ServiceSpec spec(EasService s, ObjectNode next) {
    JsonNode metadata = next.path("metadata");
    if (!next.hasNonNull("name") && !metadata.hasNonNull("name")) {
      (metadata.isObject() ? (ObjectNode) metadata : next.putObject("metadata"))
          .put("name", s.name);
    }
    ServiceSpec spec = ServiceSpec.parse(next);
    if (!spec.name().equals(s.name)) {
      throw ServiceError.invalid("metadata.name", "a service cannot be renamed; create a new one");
    }
    if (spec.token().isPresent() && !spec.token().get().equals(s.token)) {
      throw ServiceError.invalid("token", "the access token of a service cannot be changed");
    }
    return spec;
  }

  private void addVersion(EasService s, ServiceSpec spec) {
    Instant now = ctx.emulation.now();
    s.versions.add(new ServiceVersion(s.latestVersion() + 1, spec, now));
    s.currentVersion = s.latestVersion();
    s.desired = spec.instances();
    s.updatedAt = now;
    switchVersion(s);
  }

  /** Rolls the current version out, joining its group; a stopped service stays stopped. */
  private void switchVersion(EasService s) {
    s.group().ifPresent(g -> ctx.store.ensureGroup(g, false, ctx::newToken));
    ctx.store.dropEmptyGroups();
    if (s.phase != Phase.STOPPED && s.phase != Phase.STOPPING) {
      ctx.lifecycle.rollout(s, "Updating");
    }
  }

  private ObjectNode updateVersion(ControlRequest request) {
    JsonBody body = request.json();
    JsonNode version = body.node("Version").orElseThrow(() -> ServiceError.missing("Version"));
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (!version.isIntegralNumber()
              || version.asInt() < 1
              || version.asInt() > s.latestVersion()) {
            throw ServiceError.invalid(
                "Version", "a version of service [" + s.name + "] from 1 to " + s.latestVersion());
          }
          s.currentVersion = version.asInt();
          s.updatedAt = ctx.emulation.now();
          switchVersion(s);
          return ctx.reply(s.name, "updating");
        });
  }

  private ObjectNode listVersions(ControlRequest request) {
    QueryParams p = request.params();
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 100, 1, 100);
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          List<ServiceVersion> newestFirst = new ArrayList<>(s.versions);
          Collections.reverse(newestFirst);
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("TotalCount", newestFirst.size())
                  .put("PageNumber", pageNumber)
                  .put("PageSize", pageSize);
          ArrayNode items = out.putArray("Versions");
          for (ServiceVersion v : Pages.page(newestFirst, pageNumber, pageSize)) {
            items
                .addObject()
                .put("BuildTime", Emulation.seconds(v.builtAt()))
                .put("ImageAvailable", "true")
                .put("ImageId", v.version())
                .put("ServiceRunnable", "true")
                .put("ServiceConfig", v.config().toString())
                .put("Message", "");
          }
          return out;
        });
  }

  private ObjectNode scale(ControlRequest request) {
    JsonBody body = request.json();
    int instances =
        instances(
            body.node("Instance").orElseThrow(() -> ServiceError.missing("Instance")), "Instance");
    List<String> toDelete = body.strings("InstancesToDelete");
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          for (String name : toDelete) {
            Replica r =
                s.replicas.stream()
                    .filter(x -> x.name.equals(name))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            ServiceError.invalid("InstancesToDelete", "no instance named " + name));
            ctx.lifecycle.remove(s, r);
          }
          ctx.lifecycle.scale(s, instances);
          return ctx.reply(s.name, "scaling");
        });
  }

  private static int instances(JsonNode value, String key) {
    if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 1000) {
      throw ServiceError.invalid(key, "an integer from 0 to 1000");
    }
    return value.asInt();
  }
}
