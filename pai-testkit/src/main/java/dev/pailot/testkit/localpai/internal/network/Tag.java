package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource tag, read from the flattened {@code Tag.N.Key}/{@code Tag.N.Value} parameters of VPC
 * and ECS calls (N is 1..20).
 *
 * @param key tag key
 * @param value tag value, possibly empty
 */
record Tag(String key, String value) {
  private static final int MAX_TAGS = 20;

  /**
   * Tags of a create call, validated as Alibaba does.
   *
   * @param params request parameters
   * @return tags in index order
   * @throws ServiceError {@code InvalidTagKey.Malformed}, {@code InvalidTagValue.Malformed}, {@code
   *     Duplicate.TagKey}
   */
  static List<Tag> parse(QueryParams params) {
    List<Tag> tags = read(params);
    Set<String> keys = new HashSet<>();
    for (Tag t : tags) {
      if (t.key.length() > 128
          || t.key.startsWith("aliyun")
          || t.key.startsWith("acs:")
          || t.key.contains("http://")
          || t.key.contains("https://")) {
        throw ServiceError.malformed(
            "InvalidTagKey.Malformed",
            "Tag.N.Key",
            "at most 128 characters, not starting with aliyun or acs:, without http(s)://");
      }
      if (t.value.length() > 128 || t.value.contains("http://") || t.value.contains("https://")) {
        throw ServiceError.malformed(
            "InvalidTagValue.Malformed",
            "Tag.N.Value",
            "at most 128 characters, without http(s)://");
      }
      if (!keys.add(t.key)) {
        throw new ServiceError(
            400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key: " + t.key + ".");
      }
    }
    return List.copyOf(tags);
  }

  /**
   * Tag filters of a describe call: a filter without a value matches any value of its key.
   *
   * @param params request parameters
   * @return filters
   */
  static List<Tag> filters(QueryParams params) {
    return read(params);
  }

  private static List<Tag> read(QueryParams params) {
    List<Tag> tags = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, String>> e : params.indexed("Tag").entrySet()) {
      if (e.getKey() > MAX_TAGS) {
        throw ServiceError.invalid("Tag.N", "N must be from 1 to " + MAX_TAGS);
      }
      String key = e.getValue().getOrDefault("Key", "");
      String value = e.getValue().getOrDefault("Value", "");
      if (key.isEmpty()) {
        throw ServiceError.missing("Tag." + e.getKey() + ".Key");
      }
      tags.add(new Tag(key, value));
    }
    return tags;
  }

  /**
   * Whether a resource's tags satisfy every filter.
   *
   * @param tags the resource's tags
   * @param filters filters
   * @return match
   */
  static boolean matches(List<Tag> tags, List<Tag> filters) {
    for (Tag f : filters) {
      boolean hit =
          tags.stream()
              .anyMatch(t -> t.key.equals(f.key) && (f.value.isEmpty() || t.value.equals(f.value)));
      if (!hit) {
        return false;
      }
    }
    return true;
  }

  /**
   * JSON {@code {"Tag":[{keyField: .., valueField: ..}]}}: VPC uses {@code Key}/{@code Value}, ECS
   * {@code TagKey}/{@code TagValue}.
   *
   * @param tags tags
   * @param keyField key field name
   * @param valueField value field name
   * @return the wrapper object
   */
  static ObjectNode toJson(List<Tag> tags, String keyField, String valueField) {
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    ArrayNode list = wrapper.putArray("Tag");
    for (Tag t : tags) {
      list.addObject().put(keyField, t.key).put(valueField, t.value);
    }
    return wrapper;
  }
}
