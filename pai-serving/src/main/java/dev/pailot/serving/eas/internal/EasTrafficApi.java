package dev.pailot.serving.eas.internal;

import static dev.pailot.serving.eas.internal.EasApi.SERVICE;
import static dev.pailot.serving.eas.internal.EasApi.op;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.serving.eas.AutoscalerSpec;
import dev.pailot.serving.eas.AutoscalerStatus;
import dev.pailot.serving.eas.CronScaleJob;
import dev.pailot.serving.eas.CronScalerSpec;
import dev.pailot.serving.eas.EasGroup;
import dev.pailot.serving.eas.ServiceMirror;
import dev.pailot.serving.eas.TrafficState;
import dev.pailot.serving.eas.internal.wire.GroupItem;
import dev.pailot.serving.eas.internal.wire.MirrorResponse;
import java.util.List;
import java.util.Optional;

/**
 * EAS traffic and scaling operations: groups, release weights, mirrors, autoscaler and cron scaler
 * (PAI_API.md §3.1, §3.6, §3.8). Creates (POST) are retried only on throttling; the rest are
 * idempotent. A missing mirror or scaler reads as empty. Thread-safe.
 */
public final class EasTrafficApi {
  static final Operation DESCRIBE_GROUP =
      op("DescribeGroup", "GET", "/api/v2/groups/{ClusterId}/{GroupName}", true);
  static final Operation RELEASE = op("ReleaseService", "PUT", SERVICE + "/release", true);
  static final Operation CREATE_MIRROR =
      op("CreateServiceMirror", "POST", SERVICE + "/mirror", false);
  static final Operation UPDATE_MIRROR =
      op("UpdateServiceMirror", "PUT", SERVICE + "/mirror", true);
  static final Operation DESCRIBE_MIRROR =
      op("DescribeServiceMirror", "GET", SERVICE + "/mirror", true);
  static final Operation DELETE_MIRROR =
      op("DeleteServiceMirror", "DELETE", SERVICE + "/mirror", true);
  static final String AUTO = SERVICE + "/autoscaler";
  static final Operation CREATE_AUTO = op("CreateServiceAutoScaler", "POST", AUTO, false);
  static final Operation UPDATE_AUTO = op("UpdateServiceAutoScaler", "PUT", AUTO, true);
  static final Operation DESCRIBE_AUTO = op("DescribeServiceAutoScaler", "GET", AUTO, true);
  static final Operation DELETE_AUTO = op("DeleteServiceAutoScaler", "DELETE", AUTO, true);
  static final String CRON = SERVICE + "/cronscaler";
  static final Operation CREATE_CRON = op("CreateServiceCronScaler", "POST", CRON, false);
  static final Operation UPDATE_CRON = op("UpdateServiceCronScaler", "PUT", CRON, true);
  static final Operation DESCRIBE_CRON = op("DescribeServiceCronScaler", "GET", CRON, true);
  static final Operation DELETE_CRON = op("DeleteServiceCronScaler", "DELETE", CRON, true);

  private final EasApi api;

  /**
   * Creates the API.
   *
   * @param api the service API (runtime, request helpers)
   */
  public EasTrafficApi(EasApi api) {
    this.api = api;
  }

  /**
   * DescribeGroup.
   *
   * @param group group name
   * @return the group
   */
  public EasGroup describeGroup(String group) {
    ApiRequest request =
        ApiRequest.of(DESCRIBE_GROUP)
            .path("ClusterId", api.runtime().config().region())
            .path("GroupName", group)
            .build();
    JsonNode body;
    try {
      body = api.runtime().call(request).body();
    } catch (ResourceNotFoundException e) {
      throw new ResourceNotFoundException(
          "EAS group \"" + group + "\" was not found. Groups exist while they have services.",
          null,
          e);
    }
    return EasMapping.group(api.read(body, GroupItem.class, "DescribeGroup"));
  }

  /**
   * ReleaseService.
   *
   * @param name service
   * @param state traffic state, or {@code null} to leave it
   * @param weight weight -1..1000, or {@code null} to leave it
   */
  public void release(String name, TrafficState state, Integer weight) {
    ObjectNode body = JsonFields.JSON.objectNode();
    if (state != null) {
      body.put("TrafficState", state.wireValue());
    }
    if (weight != null) {
      body.put("Weight", weight);
    }
    api.send(api.on(RELEASE, name).body(body).build(), name);
  }

  /**
   * Create or UpdateServiceMirror.
   *
   * @param name service
   * @param ratio percent
   * @param targets target services
   * @param create POST instead of PUT
   */
  public void putMirror(String name, int ratio, List<String> targets, boolean create) {
    ObjectNode body = JsonFields.JSON.objectNode().put("Ratio", ratio);
    ArrayNode t = body.putArray("Target");
    targets.forEach(t::add);
    api.send(api.on(create ? CREATE_MIRROR : UPDATE_MIRROR, name).body(body).build(), name);
  }

  /**
   * DescribeServiceMirror.
   *
   * @param name service
   * @return the mirror; empty if the service has none
   */
  public Optional<ServiceMirror> describeMirror(String name) {
    return optional(
        () ->
            EasMapping.mirror(
                name,
                api.read(
                    api.runtime().call(api.on(DESCRIBE_MIRROR, name).build()).body(),
                    MirrorResponse.class,
                    "DescribeServiceMirror")),
        name);
  }

  /**
   * A DELETE that reports whether there was something to delete.
   *
   * @param op DeleteServiceMirror, DeleteServiceAutoScaler or DeleteServiceCronScaler
   * @param name service
   * @return false if there was none
   */
  public boolean delete(Operation op, String name) {
    return optional(
            () -> {
              api.runtime().call(api.on(op, name).build());
              return true;
            },
            name)
        .orElse(false);
  }

  /**
   * Create or UpdateServiceAutoScaler.
   *
   * @param name service
   * @param spec autoscaler
   * @param create POST instead of PUT
   */
  public void putAutoscaler(String name, AutoscalerSpec spec, boolean create) {
    api.send(
        api.on(create ? CREATE_AUTO : UPDATE_AUTO, name).body(AutoscalerCodec.write(spec)).build(),
        name);
  }

  /**
   * DescribeServiceAutoScaler.
   *
   * @param name service
   * @return the autoscaler; empty if none
   */
  public Optional<AutoscalerStatus> describeAutoscaler(String name) {
    return optional(
        () -> EasMapping.autoscaler(api.runtime().call(api.on(DESCRIBE_AUTO, name).build()).body()),
        name);
  }

  /**
   * Create or UpdateServiceCronScaler.
   *
   * @param name service
   * @param spec cron scaler
   * @param create POST instead of PUT
   */
  public void putCronScaler(String name, CronScalerSpec spec, boolean create) {
    ObjectNode body = JsonFields.JSON.objectNode();
    ArrayNode jobs = body.putArray("ScaleJobs");
    for (CronScaleJob j : spec.jobs()) {
      ObjectNode n =
          jobs.addObject()
              .put("Name", j.name())
              .put("Schedule", j.schedule())
              .put("TargetSize", j.targetSize());
      j.timeZone().ifPresent(z -> n.put("TimeZone", z));
    }
    if (!spec.excludeDates().isEmpty()) {
      ArrayNode ex = body.putArray("ExcludeDates");
      spec.excludeDates().forEach(ex::add);
    }
    api.send(api.on(create ? CREATE_CRON : UPDATE_CRON, name).body(body).build(), name);
  }

  /**
   * DescribeServiceCronScaler.
   *
   * @param name service
   * @return the cron scaler; empty if none
   */
  public Optional<CronScalerSpec> describeCronScaler(String name) {
    return optional(
        () -> EasMapping.cronScaler(api.runtime().call(api.on(DESCRIBE_CRON, name).build()).body()),
        name);
  }

  /**
   * Runs a read whose 404 means "none", unless the service itself is missing: EAS answers {@code
   * InvalidService.NotFound} for the service and another {@code *.NotFound} code for a missing
   * mirror or scaler.
   */
  private <T> Optional<T> optional(java.util.function.Supplier<T> call, String name) {
    try {
      return Optional.of(call.get());
    } catch (ResourceNotFoundException e) {
      if (e.errorCode().filter(c -> c.startsWith("InvalidService")).isPresent()) {
        throw EasApi.notFound(e, name);
      }
      return Optional.empty();
    }
  }
}
