package dev.pailot.serving.eas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.serving.eas.AutoscalerStatus;
import dev.pailot.serving.eas.CronScaleJob;
import dev.pailot.serving.eas.CronScalerSpec;
import dev.pailot.serving.eas.EasGroup;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceDiagnosis;
import dev.pailot.serving.eas.ServiceEvent;
import dev.pailot.serving.eas.ServiceMirror;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.eas.ServiceVersion;
import dev.pailot.serving.eas.TrafficState;
import dev.pailot.serving.eas.internal.wire.DiagnosisResponse;
import dev.pailot.serving.eas.internal.wire.EventItem;
import dev.pailot.serving.eas.internal.wire.GroupItem;
import dev.pailot.serving.eas.internal.wire.LabelItem;
import dev.pailot.serving.eas.internal.wire.MirrorResponse;
import dev.pailot.serving.eas.internal.wire.ServiceItem;
import dev.pailot.serving.eas.internal.wire.VersionItem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** EAS wire DTOs to domain values. Stateless and thread-safe. */
final class EasMapping {
  /** EAS event and log query times: {@code 2006-01-02 15:04:05} UTC. */
  static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private EasMapping() {}

  static EasService service(ServiceItem i) {
    EasService.Builder b =
        EasService.builder()
            .name(i.serviceName())
            .serviceId(text(i.serviceId()))
            .status(ServiceStatus.fromWire(i.status()))
            .reason(text(i.reason()))
            .message(text(i.message()))
            .currentVersion(i.currentVersion() == null ? 0 : i.currentVersion())
            .latestVersion(Optional.ofNullable(i.latestVersion()))
            .runningInstance(i.runningInstance() == null ? 0 : i.runningInstance())
            .totalInstance(i.totalInstance() == null ? 0 : i.totalInstance())
            .weight(Optional.ofNullable(i.weight()))
            .trafficState(Optional.ofNullable(TrafficState.fromWire(i.trafficState())))
            .serviceGroup(text(i.serviceGroup()))
            .internetEndpoint(text(i.internetEndpoint()))
            .intranetEndpoint(text(i.intranetEndpoint()))
            .accessToken(text(i.accessToken()))
            .image(text(i.image()))
            .serviceConfig(text(i.serviceConfig()))
            .workspaceId(text(i.workspaceId()))
            .autoscalerEnabled(Boolean.TRUE.equals(i.autoscalerEnabled()))
            .createdAt(instant(i.createTime()))
            .updatedAt(instant(i.updateTime()));
    if (i.labels() != null) {
      for (LabelItem l : i.labels()) {
        if (l != null && l.key() != null) {
          b.putLabels(l.key(), l.value() == null ? "" : l.value());
        }
      }
    }
    return b.build();
  }

  static EasGroup group(GroupItem g) {
    return EasGroup.builder()
        .name(g.name())
        .region(text(g.clusterId()))
        .accessToken(text(g.accessToken()))
        .internetEndpoint(text(g.internetEndpoint()))
        .intranetEndpoint(text(g.intranetEndpoint()))
        .trafficMode(text(g.trafficMode()))
        .queueService(text(g.queueService()))
        .build();
  }

  static ServiceVersion version(VersionItem v) {
    return ServiceVersion.builder()
        .version(v.imageId() == null ? 0 : v.imageId())
        .builtAt(instant(v.buildTime()))
        .imageAvailable(text(v.imageAvailable()))
        .serviceRunnable(text(v.serviceRunnable()))
        .serviceConfig(text(v.serviceConfig()))
        .message(text(v.message()))
        .build();
  }

  static ServiceEvent event(EventItem e) {
    return ServiceEvent.builder()
        .time(eventTime(e.time()))
        .type(e.type() == null ? "Normal" : e.type())
        .reason(e.reason() == null ? "" : e.reason())
        .resource(text(e.resource()))
        .message(e.message() == null ? "" : e.message())
        .build();
  }

  static ServiceDiagnosis diagnosis(DiagnosisResponse.Item d) {
    return ServiceDiagnosis.builder()
        .error(d.error() == null ? "" : d.error())
        .causes(d.causes() == null ? List.of() : d.causes())
        .advices(d.advices() == null ? List.of() : d.advices())
        .build();
  }

  static ServiceMirror mirror(String service, MirrorResponse m) {
    int ratio;
    try {
      ratio = m.ratio() == null ? 0 : (int) Math.round(Double.parseDouble(m.ratio().trim()));
    } catch (NumberFormatException e) {
      ratio = 0;
    }
    List<String> targets =
        m.target() == null
            ? List.of()
            : Arrays.stream(m.target().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    return ServiceMirror.builder()
        .serviceName(m.serviceName() == null ? service : m.serviceName())
        .ratioPercent(ratio)
        .targets(targets)
        .build();
  }

  static AutoscalerStatus autoscaler(JsonNode body) {
    ObjectNode spec = JsonFields.JSON.objectNode();
    spec.put("min", body.path("MinReplica").asInt(0));
    spec.put("max", body.path("MaxReplica").asInt(0));
    spec.set("scaleStrategies", body.path("ScaleStrategies").deepCopy());
    if (body.path("Behavior").isObject() && !body.path("Behavior").isEmpty()) {
      spec.set("behavior", body.get("Behavior").deepCopy());
    }
    AutoscalerStatus.Builder b = AutoscalerStatus.builder().spec(AutoscalerCodec.read(spec));
    for (JsonNode m : body.path("CurrentMetrics")) {
      b.putCurrentMetrics(m.path("metricName").asText(), m.path("value").asDouble());
    }
    return b.build();
  }

  static CronScalerSpec cronScaler(JsonNode body) {
    CronScalerSpec.Builder b = CronScalerSpec.builder();
    for (JsonNode j : body.path("ScaleJobs")) {
      b.addJobs(
          CronScaleJob.builder()
              .name(j.path("Name").asText())
              .schedule(j.path("Schedule").asText())
              .targetSize(j.path("TargetSize").asInt())
              .timeZone(text(j.path("TimeZone").asText(null)))
              .build());
    }
    body.path("ExcludeDates").forEach(d -> b.addExcludeDates(d.asText()));
    return b.build();
  }

  static Optional<String> text(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static Optional<Instant> instant(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return eventTime(s);
    }
  }

  static Optional<Instant> eventTime(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(s.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
