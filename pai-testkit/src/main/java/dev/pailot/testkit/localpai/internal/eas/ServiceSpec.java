package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated facts LocalPai needs from an EAS service JSON (§3.2): name, replica count, group,
 * token, image, port and resources. The JSON itself is kept as sent (it becomes {@code
 * ServiceConfig}); this view only reads it. Errors name the JSON key, as EAS does.
 *
 * @param config the normalised service JSON (legacy top-level {@code name} moved into metadata)
 * @param name service name
 * @param instances replica count ({@code metadata.instance})
 * @param group service group, empty when standalone
 * @param token fixed access token, empty when EAS should generate one
 * @param image first container image, empty for processor services
 * @param port first container port, 0 for processor services
 */
record ServiceSpec(
    ObjectNode config,
    String name,
    int instances,
    Optional<String> group,
    Optional<String> token,
    Optional<String> image,
    int port) {

  /**
   * Our reading of EAS's rule (length not confirmed): a lower-case letter, then lower-case letters,
   * digits or underscores, at most 64 characters. Group names follow the same rule.
   */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private static final IntKey INSTANCE = new IntKey("instance", 1, 0, 1000);
  private static final IntKey CPU = new IntKey("cpu", 1, 1, 1024);
  private static final IntKey MEMORY = new IntKey("memory", 1, 1, 16 * 1024 * 1024);
  private static final IntKey GPU = new IntKey("gpu", 0, 0, 64);

  private static final Pattern INSTANCE_TYPE =
      Pattern.compile("(ecs|ml)\\.[a-z0-9-]+\\.[a-z0-9-]+");

  /**
   * Validates a service JSON and reads its facts.
   *
   * @param config the JSON (not modified; a normalised copy is kept)
   * @return the spec
   * @throws ServiceError {@code MissingParameter} / {@code InvalidParameter} naming the key
   */
  static ServiceSpec parse(ObjectNode config) {
    ObjectNode c = normalise(config);
    ObjectNode metadata = (ObjectNode) c.get("metadata");
    String name =
        text(metadata, "metadata.name", "name").orElseThrow(() -> missing("metadata.name"));
    checkName("metadata.name", name);
    int instances = INSTANCE.read(metadata);
    Optional<String> group = text(metadata, "metadata.group", "group");
    group.ifPresent(g -> checkName("metadata.group", g));
    checkResources(c, metadata);
    Optional<String> image = Optional.empty();
    int port = 0;
    JsonNode containers = c.get("containers");
    if (containers != null && !containers.isNull()) {
      JsonNode first = checkContainers(containers);
      image = Optional.of(first.get("image").asText());
      port = first.path("port").asInt(0);
    } else if (!c.hasNonNull("processor")) {
      throw ServiceError.invalid(
          "containers",
          "a custom-image service needs containers[].image and port; a processor service needs"
              + " processor");
    }
    Optional<String> token = text(c, "token", "token");
    return new ServiceSpec(c, name, instances, group, token, image, port);
  }

  /** Moves legacy flat keys ({@code name}) into {@code metadata}, the form EAS stores. */
  private static ObjectNode normalise(ObjectNode config) {
    ObjectNode c = config.deepCopy();
    JsonNode metadata = c.get("metadata");
    if (metadata == null || metadata.isNull()) {
      metadata = c.putObject("metadata");
    } else if (!metadata.isObject()) {
      throw ServiceError.invalid("metadata", "must be a JSON object");
    }
    ObjectNode m = (ObjectNode) metadata;
    JsonNode legacyName = c.remove("name");
    if (legacyName != null && !m.hasNonNull("name")) {
      m.set("name", legacyName);
    }
    return c;
  }

  static void checkName(String key, String name) {
    if (!NAME.matcher(name).matches()) {
      throw ServiceError.invalid(
          key,
          "1 to 64 lower-case letters, digits or underscores, starting with a lower-case letter;"
              + " got \""
              + name
              + "\"");
    }
  }

  private static void checkResources(ObjectNode c, ObjectNode metadata) {
    JsonNode computing = c.path("cloud").path("computing");
    boolean cloud = !computing.isMissingNode() && !computing.isNull();
    Optional<String> resource = text(metadata, "metadata.resource", "resource");
    if (cloud && resource.isPresent()) {
      throw ServiceError.invalid(
          "metadata.resource",
          "use either a dedicated resource group or cloud.computing, not both");
    }
    CPU.read(metadata);
    MEMORY.read(metadata);
    GPU.read(metadata);
    if (cloud) {
      checkComputing(computing);
    } else if (resource.isEmpty()
        && !metadata.hasNonNull("quota_id")
        && !(metadata.hasNonNull("cpu") && metadata.hasNonNull("memory"))) {
      throw missing("cloud.computing.instance_type");
    }
  }

  private static void checkComputing(JsonNode computing) {
    JsonNode type = computing.get("instance_type");
    JsonNode instances = computing.get("instances");
    if (type != null && !type.isNull()) {
      checkInstanceType("cloud.computing.instance_type", type);
    } else if (instances != null && instances.isArray() && !instances.isEmpty()) {
      for (JsonNode item : instances) {
        checkInstanceType("cloud.computing.instances[].type", item.path("type"));
      }
    } else {
      throw missing("cloud.computing.instance_type");
    }
  }

  private static void checkInstanceType(String key, JsonNode value) {
    if (!value.isTextual() || !INSTANCE_TYPE.matcher(value.asText()).matches()) {
      throw ServiceError.invalid(key, "an instance type such as ecs.gn7i-c8g1.2xlarge");
    }
  }

  private static JsonNode checkContainers(JsonNode containers) {
    if (!containers.isArray() || containers.isEmpty()) {
      throw ServiceError.invalid("containers", "a non-empty array of {image, port, ...}");
    }
    JsonNode withPort = null;
    for (JsonNode container : containers) {
      JsonNode image = container.get("image");
      if (image == null || !image.isTextual() || image.asText().isBlank()) {
        throw missing("containers[].image");
      }
      JsonNode port = container.get("port");
      if (port != null && !port.isNull()) {
        if (!port.canConvertToInt() || port.asInt() < 1 || port.asInt() > 65535) {
          throw ServiceError.invalid("containers[].port", "an integer from 1 to 65535");
        }
        withPort = withPort == null ? container : withPort;
      }
    }
    if (withPort == null) {
      throw missing("containers[].port");
    }
    return withPort;
  }

  private static Optional<String> text(ObjectNode node, String key, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ServiceError.invalid(key, "must be a string");
    }
    return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }

  /**
   * An integer key of {@code metadata}.
   *
   * @param field key within metadata
   * @param dflt value when absent
   * @param min smallest allowed
   * @param max largest allowed
   */
  private record IntKey(String field, int dflt, int min, int max) {
    int read(ObjectNode metadata) {
      JsonNode v = metadata.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
        throw ServiceError.invalid("metadata." + field, "an integer from " + min + " to " + max);
      }
      return v.asInt();
    }
  }

  private static ServiceError missing(String key) {
    return ServiceError.missing(key);
  }
}
