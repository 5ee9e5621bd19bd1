package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.eas.EasService.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of services and groups in {@link EasStore}'s snapshot. Replicas are not part of it:
 * {@link #resume} starts new ones from the restored spec, as a restarted cluster would.
 */
final class StoreSnapshot {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StoreSnapshot() {}

  static ObjectNode write(EasService s) {
    ObjectNode n =
        JSON.objectNode()
            .put("name", s.name)
            .put("id", s.id)
            .put("token", s.token)
            .put("workspaceId", s.workspaceId.orElse(null))
            .put("createdAt", s.createdAt.toString())
            .put("updatedAt", s.updatedAt.toString())
            .put("currentVersion", s.currentVersion)
            .put("desired", s.desired)
            .put("phase", s.phase.name())
            .put("failure", s.failure)
            .put("standalone", s.standalone);
    n.put("weight", s.weight);
    ObjectNode labels = n.putObject("labels");
    s.labels.forEach(labels::put);
    var versions = n.putArray("versions");
    for (ServiceVersion v : s.versions) {
      versions.addObject().put("builtAt", v.builtAt().toString()).set("config", v.config());
    }
    if (s.mirror != null) {
      ObjectNode m = n.putObject("mirror").put("ratio", s.mirror.ratio());
      s.mirror.targets().forEach(m.putArray("targets")::add);
    }
    if (s.autoscaler != null) {
      n.set("autoscaler", s.autoscaler.body());
    }
    if (s.cronScaler != null) {
      n.set("cronScaler", s.cronScaler.body());
      n.put("cronScalerCreatedAt", s.cronScalerCreatedAt.toString());
    }
    var events = n.putArray("events");
    s.events.forEach(e -> events.add(write(e)));
    return n;
  }

  private static ObjectNode write(ServiceEvent e) {
    return JSON.objectNode()
        .put("time", e.time().toString())
        .put("type", e.type())
        .put("reason", e.reason())
        .put("resource", e.resource())
        .put("instance", e.instance())
        .put("message", e.message());
  }

  static ObjectNode write(ServiceGroup g) {
    return JSON.objectNode()
        .put("name", g.name)
        .put("token", g.token)
        .put("createdAt", g.createdAt.toString())
        .put("updatedAt", g.updatedAt.toString())
        .put("explicit", g.explicit)
        .put("trafficMode", g.trafficMode);
  }

  static ServiceGroup readGroup(JsonNode n) {
    ServiceGroup g =
        new ServiceGroup(
            n.path("name").asText(),
            n.path("token").asText(),
            Instant.parse(n.path("createdAt").asText()),
            n.path("explicit").asBoolean());
    g.updatedAt = Instant.parse(n.path("updatedAt").asText());
    g.trafficMode = n.path("trafficMode").asText("auto");
    return g;
  }

  static EasService readService(JsonNode n, Autoscaler autoscaler) {
    Map<String, String> labels = new LinkedHashMap<>();
    n.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    EasService s =
        new EasService(
            new EasService.Identity(
                n.path("name").asText(),
                n.path("id").asText(),
                n.path("token").asText(),
                Optional.ofNullable(n.path("workspaceId").textValue()),
                labels),
            Instant.parse(n.path("createdAt").asText()));
    int number = 1;
    for (JsonNode v : n.path("versions")) {
      ServiceSpec spec = ServiceSpec.parse((ObjectNode) v.path("config"));
      s.versions.add(new ServiceVersion(number++, spec, Instant.parse(v.path("builtAt").asText())));
    }
    s.currentVersion = n.path("currentVersion").asInt();
    s.desired = n.path("desired").asInt();
    s.updatedAt = Instant.parse(n.path("updatedAt").asText());
    s.phase = Phase.valueOf(n.path("phase").asText());
    s.failure = n.path("failure").asText("");
    s.standalone = n.path("standalone").asBoolean();
    s.weight = n.path("weight").isInt() ? n.path("weight").asInt() : null;
    readScalers(n, s, autoscaler);
    for (JsonNode e : n.path("events")) {
      s.event(readEvent(e));
    }
    return s;
  }

  private static void readScalers(JsonNode n, EasService s, Autoscaler autoscaler) {
    if (n.path("mirror").isObject()) {
      List<String> targets = new ArrayList<>();
      n.path("mirror").path("targets").forEach(t -> targets.add(t.asText()));
      s.mirror = new MirrorConfig(n.path("mirror").path("ratio").asInt(), targets);
    }
    if (n.path("autoscaler").isObject()) {
      autoscaler.configure(s, AutoscalerConfig.parse((ObjectNode) n.get("autoscaler"), s.name));
    }
    if (n.path("cronScaler").isObject()) {
      s.cronScaler = CronScalerConfig.parse((ObjectNode) n.get("cronScaler"));
      s.cronScalerCreatedAt = Instant.parse(n.path("cronScalerCreatedAt").asText());
    }
  }

  private static ServiceEvent readEvent(JsonNode e) {
    return new ServiceEvent(
        Instant.parse(e.path("time").asText()),
        e.path("type").asText(),
        e.path("reason").asText(),
        e.path("resource").asText(),
        e.path("instance").asText(),
        e.path("message").asText());
  }

  /**
   * Brings a restored service back to life: a stopped or failed one stays so, any other starts new
   * replicas of its current version ({@code Starting}, then {@code Running}).
   */
  static void resume(EasService s, ServiceLifecycle lifecycle) {
    switch (s.phase) {
      case STOPPED, STOPPING -> {
        s.phase = Phase.STOPPED;
        s.transition = "Stopped";
      }
      case FAILED -> s.transition = "Failed";
      default -> lifecycle.rollout(s, "Starting");
    }
  }
}
