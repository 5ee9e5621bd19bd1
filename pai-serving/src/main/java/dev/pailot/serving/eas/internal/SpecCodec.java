package dev.pailot.serving.eas.internal;

import static dev.pailot.serving.eas.internal.JsonFields.put;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.NetworkingSpec;
import dev.pailot.serving.eas.ProbeSpec;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads and writes {@link ServiceSpec} as EAS JSON (PAI_API.md §3.2). Reading takes the modelled
 * keys out of a copy and keeps the rest as the sections' extras; writing starts from the extras and
 * puts the typed fields back, so unknown keys survive at any depth. Stateless and thread-safe.
 */
public final class SpecCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SpecCodec() {}

  /**
   * Reads JSON text.
   *
   * @param json EAS service JSON
   * @return the spec
   * @throws ValidationException if unreadable or invalid
   */
  public static ServiceSpec read(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw ValidationException.invalidField(
          "json", "is not valid JSON (" + e.getOriginalMessage() + ")", "pass EAS service JSON");
    }
    return read(node);
  }

  /**
   * Reads a JSON tree (not changed).
   *
   * @param node EAS service JSON object
   * @return the spec
   * @throws ValidationException if invalid
   */
  public static ServiceSpec read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw ValidationException.invalidField(
          "json", "is not a JSON object", "pass EAS service JSON such as {\"metadata\":{...}}");
    }
    JsonFields f = JsonFields.of(node);
    Optional<JsonNode> metadata = f.object("metadata");
    Optional<String> legacyName = metadata.isPresent() ? Optional.empty() : f.text("name");
    ServiceSpec.Builder b = ServiceSpec.builder();
    b.metadata(metadata(metadata.orElse(JsonFields.JSON.objectNode()), legacyName));
    f.object("cloud", "computing").map(SpecCodec::computing).ifPresent(b::computing);
    f.object("cloud", "networking").map(SpecCodec::networking).ifPresent(b::networking);
    f.array(JsonNode::isObject, "containers").forEach(c -> b.addContainers(container(c)));
    f.array(n -> n.path("mount_path").isTextual(), "storage")
        .forEach(s -> b.addStorage(storage(s)));
    b.features(f.stringMap("features"));
    if (AutoscalerCodec.isTyped(node.path("autoscaler"))) {
      b.autoscaler(AutoscalerCodec.read(f.object("autoscaler").orElseThrow()));
    }
    f.text("token").ifPresent(b::token);
    f.text("dockerAuth").ifPresent(b::dockerAuth);
    return b.extra(f.rest()).build();
  }

  private static ServiceMetadata metadata(JsonNode node, Optional<String> legacyName) {
    JsonFields m = JsonFields.of(node);
    String name =
        m.text("name")
            .or(() -> legacyName)
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "metadata.name", "is missing", "name the service in metadata.name"));
    return ServiceMetadata.builder()
        .name(name)
        .instance(m.integer("instance"))
        .cpu(m.integer("cpu"))
        .memory(m.integer("memory"))
        .gpu(m.integer("gpu"))
        .gpuMemory(m.integer("gpu_memory"))
        .resource(m.text("resource"))
        .group(m.text("group"))
        .workspaceId(m.text("workspace_id"))
        .type(m.text("type"))
        .rpcKeepalive(m.integer("rpc", "keepalive").map(Duration::ofMillis))
        .rpcBatching(m.bool("rpc", "batching"))
        .rpcMaxBatchSize(m.integer("rpc", "max_batch_size"))
        .extra(m.rest())
        .build();
  }

  private static ComputingSpec computing(JsonNode node) {
    JsonFields c = JsonFields.of(node);
    ComputingSpec.Builder b = ComputingSpec.builder().instanceType(c.text("instance_type"));
    c.array(n -> JsonFields.objectWithOnly(n, "type") && n.path("type").isTextual(), "instances")
        .forEach(n -> b.addInstanceTypes(n.get("type").asText()));
    return b.extra(c.rest()).build();
  }

  private static NetworkingSpec networking(JsonNode node) {
    JsonFields n = JsonFields.of(node);
    return NetworkingSpec.builder()
        .vpcId(n.text("vpc_id"))
        .vSwitchId(n.text("vswitch_id"))
        .securityGroupId(n.text("security_group_id"))
        .extra(n.rest())
        .build();
  }

  private static ContainerSpec container(JsonNode node) {
    JsonFields c = JsonFields.of(node);
    ContainerSpec.Builder b =
        ContainerSpec.builder()
            .image(c.text("image").orElse(""))
            .port(c.integer("port"))
            .script(c.text("script"))
            .command(c.text("command"));
    c.array(
            e ->
                JsonFields.objectWithOnly(e, "name", "value")
                    && e.path("name").isTextual()
                    && e.path("value").isTextual(),
            "env")
        .forEach(e -> b.putEnv(e.get("name").asText(), e.get("value").asText()));
    c.object("health_check").map(SpecCodec::probe).ifPresent(b::healthCheck);
    c.object("liveness_check").map(SpecCodec::probe).ifPresent(b::livenessCheck);
    c.object("readiness_check").map(SpecCodec::probe).ifPresent(b::readinessCheck);
    c.object("startup_check").map(SpecCodec::probe).ifPresent(b::startupCheck);
    return b.extra(c.rest()).build();
  }

  private static ProbeSpec probe(JsonNode node) {
    JsonFields p = JsonFields.of(node);
    return ProbeSpec.builder()
        .httpGetPath(p.text("http_get", "path"))
        .httpGetPort(p.integer("http_get", "port"))
        .tcpSocketPort(p.integer("tcp_socket", "port"))
        .execCommand(p.strings("exec", "command"))
        .initialDelay(p.integer("initial_delay_seconds").map(Duration::ofSeconds))
        .period(p.integer("period_seconds").map(Duration::ofSeconds))
        .timeout(p.integer("timeout_seconds").map(Duration::ofSeconds))
        .failureThreshold(p.integer("failure_threshold"))
        .extra(p.rest())
        .build();
  }

  private static StorageMount storage(JsonNode node) {
    JsonFields s = JsonFields.of(node);
    StorageMount.Builder b =
        StorageMount.builder()
            .mountPath(s.text("mount_path").orElseThrow())
            .ossPath(s.text("oss", "path"))
            .nfsServer(s.text("nfs", "server"))
            .nfsPath(s.text("nfs", "path"));
    String holder = node.has("oss") ? "oss" : "nfs";
    b.readOnly(s.bool(holder, "readOnly"));
    return b.extra(s.rest()).build();
  }

  /**
   * Writes a spec as EAS JSON.
   *
   * @param spec the spec
   * @return a new JSON object
   */
  public static ObjectNode write(ServiceSpec spec) {
    ObjectNode out = JsonFields.JSON.objectNode();
    out.set("metadata", metadata(spec.metadata()));
    out.setAll(JsonFields.copy(spec.extra()));
    spec.computing().ifPresent(c -> put(out, computing(c), "cloud", "computing"));
    spec.networking().ifPresent(n -> put(out, networking(n), "cloud", "networking"));
    if (!spec.containers().isEmpty()) {
      ArrayNode containers = out.putArray("containers");
      spec.containers().forEach(c -> containers.add(container(c)));
    }
    if (!spec.storage().isEmpty()) {
      ArrayNode storage = out.putArray("storage");
      spec.storage().forEach(s -> storage.add(storage(s)));
    }
    if (!spec.features().isEmpty()) {
      ObjectNode features = out.putObject("features");
      spec.features().forEach(features::put);
    }
    spec.autoscaler().ifPresent(a -> out.set("autoscaler", AutoscalerCodec.write(a)));
    put(out, spec.token(), "token");
    put(out, spec.dockerAuth(), "dockerAuth");
    return out;
  }

  private static ObjectNode metadata(ServiceMetadata m) {
    ObjectNode out = JsonFields.JSON.objectNode().put("name", m.name());
    out.setAll(JsonFields.copy(m.extra()));
    put(out, m.instance(), "instance");
    put(out, m.cpu(), "cpu");
    put(out, m.memory(), "memory");
    put(out, m.gpu(), "gpu");
    put(out, m.gpuMemory(), "gpu_memory");
    put(out, m.resource(), "resource");
    put(out, m.group(), "group");
    put(out, m.workspaceId(), "workspace_id");
    put(out, m.type(), "type");
    put(out, m.rpcKeepalive().map(Duration::toMillis), "rpc", "keepalive");
    put(out, m.rpcBatching(), "rpc", "batching");
    put(out, m.rpcMaxBatchSize(), "rpc", "max_batch_size");
    return out;
  }

  private static ObjectNode computing(ComputingSpec c) {
    ObjectNode out = JsonFields.copy(c.extra());
    put(out, c.instanceType(), "instance_type");
    if (!c.instanceTypes().isEmpty()) {
      ArrayNode instances = out.putArray("instances");
      c.instanceTypes().forEach(t -> instances.addObject().put("type", t));
    }
    return out;
  }

  private static ObjectNode networking(NetworkingSpec n) {
    ObjectNode out = JsonFields.copy(n.extra());
    put(out, n.vpcId(), "vpc_id");
    put(out, n.vSwitchId(), "vswitch_id");
    put(out, n.securityGroupId(), "security_group_id");
    return out;
  }

  private static ObjectNode container(ContainerSpec c) {
    ObjectNode out = JsonFields.copy(c.extra());
    out.put("image", c.image());
    put(out, c.port(), "port");
    put(out, c.script(), "script");
    put(out, c.command(), "command");
    if (!c.env().isEmpty()) {
      ArrayNode env = out.putArray("env");
      c.env().forEach((k, v) -> env.addObject().put("name", k).put("value", v));
    }
    c.healthCheck().ifPresent(p -> out.set("health_check", probe(p)));
    c.livenessCheck().ifPresent(p -> out.set("liveness_check", probe(p)));
    c.readinessCheck().ifPresent(p -> out.set("readiness_check", probe(p)));
    c.startupCheck().ifPresent(p -> out.set("startup_check", probe(p)));
    return out;
  }

  private static ObjectNode probe(ProbeSpec p) {
    ObjectNode out = JsonFields.copy(p.extra());
    put(out, p.httpGetPath(), "http_get", "path");
    put(out, p.httpGetPort(), "http_get", "port");
    put(out, p.tcpSocketPort(), "tcp_socket", "port");
    if (!p.execCommand().isEmpty()) {
      ArrayNode cmd = JsonFields.array();
      p.execCommand().forEach(cmd::add);
      put(out, cmd, "exec", "command");
    }
    put(out, p.initialDelay().map(d -> (int) d.toSeconds()), "initial_delay_seconds");
    put(out, p.period().map(d -> (int) d.toSeconds()), "period_seconds");
    put(out, p.timeout().map(d -> (int) d.toSeconds()), "timeout_seconds");
    put(out, p.failureThreshold(), "failure_threshold");
    return out;
  }

  private static ObjectNode storage(StorageMount s) {
    ObjectNode out = JsonFields.copy(s.extra());
    out.put("mount_path", s.mountPath());
    put(out, s.ossPath(), "oss", "path");
    put(out, s.nfsServer(), "nfs", "server");
    put(out, s.nfsPath(), "nfs", "path");
    String holder = s.ossPath().isPresent() || out.has("oss") ? "oss" : "nfs";
    put(out, s.readOnly(), holder, "readOnly");
    return out;
  }
}
