package dev.pailot.testkit.localpai.internal.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of query parameters (every parameter of an RPC call, the filters of a ROA list). An
 * empty value counts as absent, as Alibaba's RPC gateways treat it. Errors name the parameter.
 */
public final class QueryParams {
  private static final Pattern INDEXED = Pattern.compile("([1-9][0-9]{0,3})(?:\\.(.+))?");

  private final Map<String, String> values;

  QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /**
   * A required parameter.
   *
   * @param name parameter name
   * @return its value
   * @throws ServiceError {@code MissingParameter} if absent
   */
  public String required(String name) {
    return optional(name).orElseThrow(() -> ServiceError.missing(name));
  }

  /**
   * An optional parameter.
   *
   * @param name parameter name
   * @return its value, empty if absent or empty
   */
  public Optional<String> optional(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /**
   * An integer parameter within bounds.
   *
   * @param name parameter name
   * @param defaultValue value when absent
   * @param min smallest allowed
   * @param max largest allowed
   * @return the value
   * @throws ServiceError {@code InvalidParameter} if not an integer in range
   */
  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(raw.get().trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw ServiceError.invalid(name, "must be an integer from " + min + " to " + max);
  }

  /**
   * A boolean parameter ({@code true}/{@code false}, any case).
   *
   * @param name parameter name
   * @return the value, empty if absent
   * @throws ServiceError {@code InvalidParameter} if not a boolean
   */
  public Optional<Boolean> bool(String name) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String v = raw.get().trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Optional.of(Boolean.parseBoolean(v));
    }
    throw ServiceError.invalid(name, "must be true or false");
  }

  /**
   * A comma-separated list.
   *
   * @param name parameter name
   * @return trimmed non-empty items; empty if absent
   */
  public List<String> csv(String name) {
    List<String> out = new ArrayList<>();
    optional(name)
        .ifPresent(
            v -> {
              for (String item : v.split(",")) {
                if (!item.isBlank()) {
                  out.add(item.trim());
                }
              }
            });
    return out;
  }

  /**
   * Flattened object lists such as {@code Tag.1.Key} or {@code Permissions.2.IpProtocol}, grouped
   * by index: {@code {1: {Key: .., Value: ..}}}.
   *
   * @param prefix list name, e.g. {@code Tag}
   * @return fields by index, indexes ascending
   */
  public SortedMap<Integer, Map<String, String>> indexed(String prefix) {
    SortedMap<Integer, Map<String, String>> out = new TreeMap<>();
    String head = prefix + ".";
    values.forEach(
        (k, v) -> {
          if (!k.startsWith(head)) {
            return;
          }
          Matcher m = INDEXED.matcher(k.substring(head.length()));
          if (m.matches() && m.group(2) != null) {
            out.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                .put(m.group(2), v);
          }
        });
    return out;
  }

  /**
   * Flattened value lists such as {@code SecurityGroupRuleId.1}.
   *
   * @param prefix list name
   * @return values by index, indexes ascending, empty values skipped
   */
  public SortedMap<Integer, String> indexedValues(String prefix) {
    SortedMap<Integer, String> out = new TreeMap<>();
    String head = prefix + ".";
    values.forEach(
        (k, v) -> {
          if (k.startsWith(head) && !v.isEmpty()) {
            Matcher m = INDEXED.matcher(k.substring(head.length()));
            if (m.matches() && m.group(2) == null) {
              out.put(Integer.parseInt(m.group(1)), v);
            }
          }
        });
    return out;
  }

  /**
   * The raw map, for fingerprints (idempotency) and logs.
   *
   * @return all parameters
   */
  public Map<String, String> asMap() {
    return values;
  }
}
