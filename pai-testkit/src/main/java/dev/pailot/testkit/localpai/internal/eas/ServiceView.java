package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;
import java.util.Locale;

/**
 * Renders services, groups and instances as EAS's JSON objects (§3.3, §9.1, {@code Instance}).
 * Times are RFC 3339 UTC. Callers hold the {@link EasStore} monitor.
 */
final class ServiceView {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EasContext context;

  ServiceView(EasContext context) {
    this.context = context;
  }

  /**
   * The Service object.
   *
   * @param s service (advanced)
   * @param withEndpoints {@code true} for DescribeService, which alone carries endpoints
   * @return JSON
   */
  ObjectNode service(EasService s, boolean withEndpoints) {
    String status = context.lifecycle.status(s);
    ObjectNode n =
        JSON.objectNode()
            .put("ServiceName", s.name)
            .put("ServiceId", s.id)
            .put("ServiceUid", s.id)
            .put("Region", context.emulation.region())
            .put("WorkspaceId", s.workspaceId.orElse(""))
            .put("CallerUid", context.emulation.accountId())
            .put("ParentUid", context.emulation.accountId())
            .put("Namespace", s.name)
            .put("Status", status)
            .put("Reason", status.toUpperCase(Locale.ROOT))
            .put("Message", context.lifecycle.statusMessage(s))
            .put("AccessToken", s.token);
    if (withEndpoints) {
      n.put("InternetEndpoint", context.endpoint(s.name));
      n.put("IntranetEndpoint", context.endpoint(s.name));
    }
    resources(n, s);
    n.put("CurrentVersion", s.currentVersion)
        .put("LatestVersion", s.latestVersion())
        .put("ServiceGroup", s.group().orElse(""))
        .put("TrafficState", ServiceListing.trafficState(s))
        .put("Weight", s.weight == null ? 0 : s.weight)
        .put("ServiceConfig", s.currentConfig().toString())
        .put("SafetyLock", "none")
        .put("AutoscalerEnabled", s.autoscaler != null)
        .put("CronscalerEnabled", s.cronScaler != null)
        .put("Role", "Standard")
        .put("Source", "Custom")
        .put("CreateTime", Emulation.seconds(s.createdAt))
        .put("UpdateTime", Emulation.seconds(s.updatedAt));
    labels(n.putArray("Labels"), s);
    return n;
  }

  /** Instance counts and per-instance resources. */
  private void resources(ObjectNode n, EasService s) {
    long running = s.readyCurrent(context.emulation.now());
    JsonNode metadata = s.current().config().path("metadata");
    n.put("TotalInstance", s.desired)
        .put("RunningInstance", running)
        .put("PendingInstance", Math.max(0, s.desired - running))
        .put("Cpu", metadata.path("cpu").asInt(0))
        .put("Memory", metadata.path("memory").asInt(0))
        .put("Gpu", metadata.path("gpu").asInt(0))
        .put("GPUMemory", metadata.path("gpu_memory").asInt(0))
        .put("Image", s.current().spec().image().orElse(""))
        .put("Resource", metadata.path("resource").asText(""))
        .put("QuotaId", metadata.path("quota_id").asText(""));
  }

  private static void labels(ArrayNode out, EasService s) {
    s.labels.forEach((k, v) -> out.addObject().put("LabelKey", k).put("LabelValue", v));
  }

  /** The Group object (§9.1). */
  ObjectNode group(ServiceGroup g) {
    ObjectNode n =
        JSON.objectNode()
            .put("Name", g.name)
            .put("ClusterId", context.emulation.region())
            .put("AccessToken", g.token)
            .put("InternetEndpoint", context.endpoint(g.name))
            .put("IntranetEndpoint", context.endpoint(g.name))
            .put("TrafficMode", g.trafficMode)
            .put("QueueService", "")
            .put("CallerUid", context.emulation.accountId())
            .put("ParentUid", context.emulation.accountId())
            .put("CreateTime", Emulation.seconds(g.createdAt))
            .put("UpdateTime", Emulation.seconds(g.updatedAt));
    n.putArray("Labels");
    return n;
  }

  /** An Instance object of {@code ListServiceInstances}. */
  ObjectNode instance(EasService s, Replica r) {
    Instant now = context.emulation.now();
    boolean ready = r.ready(now);
    ObjectNode n =
        JSON.objectNode()
            .put("InstanceName", r.name)
            .put("Status", instanceStatus(r, now))
            .put("Reason", r.failure().orElse(ready ? "" : "ContainersNotReady"))
            .put("InnerIP", r.ip)
            .put("InstanceIP", r.ip)
            .put("InstancePort", Math.max(s.versions.get(r.version() - 1).spec().port(), 0))
            .put("HostIP", "192.168.0." + (1 + Math.floorMod(r.ip.hashCode(), 200)))
            .put("Namespace", s.name)
            .put("IsSpot", false)
            .put("IsLatest", r.generation() == s.generation)
            .put("Isolated", false)
            .put("ReadyProcesses", ready ? 1 : 0)
            .put("TotalProcesses", 1)
            .put("RestartCount", r.restartCount())
            .put("ResourceType", resourceType(s))
            .put("Role", "Standard")
            .put("CurrentAmount", 0.0)
            .put("OriginalAmount", 0.0)
            .put("StartAt", Emulation.seconds(r.createdAt));
    ArrayNode last = n.putArray("LastState");
    r.lastState().ifPresent(last::add);
    return n;
  }

  static String instanceStatus(Replica r, Instant now) {
    if (r.crashed()) {
      return "CrashLoopBackOff";
    }
    return r.scheduled(now) ? "Running" : "Pending";
  }

  private static String resourceType(EasService s) {
    JsonNode metadata = s.current().config().path("metadata");
    return metadata.hasNonNull("resource") ? "DedicatedResource" : "PublicResource";
  }
}
