package dev.pailot.serving.eas.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.eas.ServiceSpec;
import java.util.Iterator;

/**
 * The Kubernetes custom-resource form of an EAS service:
 *
 * <pre>
 * apiVersion: eas.alibabacloud.com/v1alpha1
 * kind: Service
 * metadata: {name: qwen_chat}
 * spec: {image, model_path, processor, metadata, features, health_check, ...}
 * </pre>
 *
 * <p>Mapping: the resource's {@code metadata.name} is the service name; {@code spec} is the EAS
 * JSON without the name, where a single container may be written flat as {@code spec.image} (+
 * {@code spec.port}, {@code spec.script}, {@code spec.health_check}) and becomes {@code
 * containers[0]}. Everything else in {@code spec} is copied as it is. Export writes the flat form
 * when the spec has exactly one container with only those keys, so import after export gives the
 * same spec. Stateless and thread-safe.
 */
public final class KubernetesForm {
  /** The custom resource's API version. */
  public static final String API_VERSION = "eas.alibabacloud.com/v1alpha1";

  private static final String[] FLAT = {"image", "port", "script", "health_check"};
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private KubernetesForm() {}

  /**
   * Reads the YAML form.
   *
   * @param yaml YAML text
   * @return the spec
   * @throws ValidationException if it is not an EAS Service resource or the spec is invalid
   */
  public static ServiceSpec read(String yaml) {
    JsonNode doc;
    try {
      doc = YAML.readTree(yaml == null ? "" : yaml);
    } catch (JsonProcessingException e) {
      throw ValidationException.invalidField(
          "yaml", "is not valid YAML (" + e.getOriginalMessage() + ")", "pass the resource YAML");
    }
    if (doc == null || !doc.isObject()) {
      throw ValidationException.invalidField("yaml", "is empty", "pass the resource YAML");
    }
    if (!API_VERSION.equals(doc.path("apiVersion").asText())
        || !"Service".equals(doc.path("kind").asText())) {
      throw ValidationException.invalidField(
          "apiVersion/kind",
          "is " + doc.path("apiVersion").asText() + "/" + doc.path("kind").asText(),
          "use apiVersion: " + API_VERSION + " and kind: Service");
    }
    String name = doc.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      throw ValidationException.invalidField(
          "metadata.name", "is missing", "name the resource (the EAS service name)");
    }
    ObjectNode spec =
        doc.path("spec").isObject()
            ? ((ObjectNode) doc.get("spec")).deepCopy()
            : JsonFields.JSON.objectNode();
    ObjectNode eas = JsonFields.JSON.objectNode();
    ObjectNode metadata =
        spec.path("metadata").isObject()
            ? (ObjectNode) spec.remove("metadata")
            : JsonFields.JSON.objectNode();
    eas.set("metadata", JsonFields.JSON.objectNode().put("name", name).setAll(metadata));
    if (spec.has("image") && !spec.has("containers")) {
      ObjectNode container = eas.putArray("containers").addObject();
      for (String key : FLAT) {
        if (spec.has(key)) {
          container.set(key, spec.remove(key));
        }
      }
    }
    eas.setAll(spec);
    return SpecCodec.read(eas);
  }

  /**
   * Writes the YAML form.
   *
   * @param spec the spec
   * @return YAML text
   */
  public static String write(ServiceSpec spec) {
    ObjectNode eas = SpecCodec.write(spec);
    ObjectNode metadata = (ObjectNode) eas.remove("metadata");
    metadata.remove("name");
    ObjectNode body = JsonFields.JSON.objectNode();
    JsonNode containers = eas.get("containers");
    if (containers != null
        && containers.size() == 1
        && JsonFields.objectWithOnly(containers.get(0), FLAT)) {
      eas.remove("containers");
      for (Iterator<String> it = containers.get(0).fieldNames(); it.hasNext(); ) {
        String key = it.next();
        body.set(key, containers.get(0).get(key));
      }
    }
    if (!metadata.isEmpty()) {
      body.set("metadata", metadata);
    }
    body.setAll(eas);
    ObjectNode doc =
        JsonFields.JSON.objectNode().put("apiVersion", API_VERSION).put("kind", "Service");
    doc.putObject("metadata").put("name", spec.name());
    doc.set("spec", body);
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the spec could not be written as YAML", e);
    }
  }
}
