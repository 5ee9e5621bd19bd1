package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.eas.AutoscalerConfig.Strategy;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.util.Locale;
import java.util.Optional;

/**
 * EAS scalers (§3.6): {@code Create/Update/Describe/DeleteServiceAutoScaler} (lower-camel request
 * keys) and {@code Create/Update/Describe/DeleteServiceCronScaler}. The autoscaler acts on the
 * gateway's measured QPS; the cron scaler is stored and described only. Thread-safe; never blocks.
 */
final class ScalerHandler implements ProductHandler {
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final EasContext ctx;
  private final RoaRoutes routes;

  ScalerHandler(EasContext ctx) {
    this.ctx = ctx;
    String auto = SERVICE + "/autoscaler";
    String cron = SERVICE + "/cronscaler";
    this.routes =
        RoaRoutes.builder()
            .route("POST", auto, "CreateServiceAutoScaler", r -> putAutoscaler(r, true))
            .route("PUT", auto, "UpdateServiceAutoScaler", r -> putAutoscaler(r, false))
            .route("GET", auto, "DescribeServiceAutoScaler", this::describeAutoscaler)
            .route("DELETE", auto, "DeleteServiceAutoScaler", this::deleteAutoscaler)
            .route("POST", cron, "CreateServiceCronScaler", r -> putCron(r, true))
            .route("PUT", cron, "UpdateServiceCronScaler", r -> putCron(r, false))
            .route("GET", cron, "DescribeServiceCronScaler", this::describeCron)
            .route("DELETE", cron, "DeleteServiceCronScaler", this::deleteCron)
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

  private static ServiceError none(String code, EasService s, String what) {
    return ServiceError.notFound(code, "Service [" + s.name + "] has no " + what + ".");
  }

  private static ServiceError exists(EasService s, String what) {
    return new ServiceError(
        409, "InvalidParameter", "Service [" + s.name + "] already has " + what + ".");
  }

  private ObjectNode putAutoscaler(ControlRequest request, boolean create) {
    ObjectNode body = EasContext.body(request);
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          AutoscalerConfig config = AutoscalerConfig.parse(body, s.name);
          if (create && s.autoscaler != null) {
            throw exists(s, "an autoscaler");
          }
          if (!create && s.autoscaler == null) {
            throw none("InvalidAutoscaler.NotFound", s, "autoscaler");
          }
          ctx.autoscaler.configure(s, config);
          return ctx.reply(s.name, "autoscaling from " + config.min() + " to " + config.max());
        });
  }

  private ObjectNode describeAutoscaler(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          AutoscalerConfig a = s.autoscaler;
          if (a == null) {
            throw none("InvalidAutoscaler.NotFound", s, "autoscaler");
          }
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("ServiceName", s.name)
                  .put("MinReplica", a.min())
                  .put("MaxReplica", a.max());
          ArrayNode strategies = out.putArray("ScaleStrategies");
          ArrayNode metrics = out.putArray("CurrentMetrics");
          for (Strategy st : a.strategies()) {
            String name = st.metricName().toUpperCase(Locale.ROOT);
            strategies
                .addObject()
                .put("metricName", name)
                .put("threshold", st.threshold())
                .put("service", st.service());
            metrics
                .addObject()
                .put("metricName", name)
                .put("value", ctx.autoscaler.currentValue(s, st))
                .put("service", st.service());
          }
          out.set(
              "Behavior",
              a.body().path("behavior").isObject()
                  ? a.body().get("behavior")
                  : JsonNodeFactory.instance.objectNode());
          return out;
        });
  }

  private ObjectNode deleteAutoscaler(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.autoscaler == null) {
            throw none("InvalidAutoscaler.NotFound", s, "autoscaler");
          }
          s.autoscaler = null;
          return ctx.reply(s.name, "no longer autoscaling");
        });
  }

  private ObjectNode putCron(ControlRequest request, boolean create) {
    CronScalerConfig config = CronScalerConfig.parse(EasContext.body(request));
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (create && s.cronScaler != null) {
            throw exists(s, "a cron scaler");
          }
          if (!create && s.cronScaler == null) {
            throw none("InvalidCronScaler.NotFound", s, "cron scaler");
          }
          s.cronScaler = config;
          s.cronScalerCreatedAt = ctx.emulation.now();
          return ctx.reply(s.name, "cron scaling with " + config.jobs().size() + " jobs");
        });
  }

  private ObjectNode describeCron(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          CronScalerConfig c = s.cronScaler;
          if (c == null) {
            throw none("InvalidCronScaler.NotFound", s, "cron scaler");
          }
          ObjectNode out = JsonNodeFactory.instance.objectNode().put("ServiceName", s.name);
          ArrayNode jobs = out.putArray("ScaleJobs");
          for (CronScalerConfig.Job j : c.jobs()) {
            jobs.addObject()
                .put("Name", j.name())
                .put("Schedule", j.schedule())
                .put("TargetSize", j.targetSize())
                .put("TimeZone", j.timeZone())
                .put("CreateTime", Emulation.seconds(s.cronScalerCreatedAt))
                .put("LastProbeTime", "")
                .put("State", "Pending")
                .put("Message", "");
          }
          ArrayNode exclude = out.putArray("ExcludeDates");
          c.excludeDates().forEach(exclude::add);
          return out;
        });
  }

  private ObjectNode deleteCron(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.writable(request);
          if (s.cronScaler == null) {
            throw none("InvalidCronScaler.NotFound", s, "cron scaler");
          }
          s.cronScaler = null;
          return ctx.reply(s.name, "no longer cron scaling");
        });
  }
}
