package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * EAS {@code UpdateService} with {@code UpdateType=merge}: the partial JSON is deep-merged into the
 * stored service JSON. Objects merge key by key, anything else (arrays included) replaces, and an
 * explicit {@code null} removes a key, as in JSON Merge Patch (RFC 7386).
 */
final class ConfigMerge {
  private ConfigMerge() {}

  /**
   * Merges {@code patch} into a copy of {@code base}.
   *
   * @param base stored JSON (not modified)
   * @param patch partial JSON
   * @return the merged copy
   */
  static ObjectNode merge(ObjectNode base, ObjectNode patch) {
    ObjectNode out = base.deepCopy();
    mergeInto(out, patch);
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode value = e.getValue();
      JsonNode existing = target.get(e.getKey());
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (value.isObject() && existing != null && existing.isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) value);
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    }
  }

  /**
   * Whether an update body only sets {@code metadata.instance}: EAS treats it as manual scaling,
   * not as a new version.
   *
   * @param patch the update body
   * @return {@code true} for a scale-only body
   */
  static boolean isScaleOnly(ObjectNode patch) {
    JsonNode metadata = patch.get("metadata");
    return patch.size() == 1
        && metadata != null
        && metadata.isObject()
        && metadata.size() == 1
        && metadata.has("instance");
  }
}
