package dev.pailot.rag.store.internal;

import dev.pailot.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DashVector's SQL-like filter strings ({@code lang = 'en' and part in ('1', '3')}) for the store's
 * conditions. Values containing a single quote are rejected instead of escaped: DashVector does not
 * document an escape. SDK-internal.
 */
public final class DashVectorFilter {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private DashVectorFilter() {}

  /**
   * The filter string for and-combined any-of conditions.
   *
   * @param conditions field to accepted values
   * @return the filter, or {@code null} if there are no conditions
   */
  public static String of(Map<String, Set<String>> conditions) {
    if (conditions.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Set<String>> c : conditions.entrySet()) {
      String field = field(c.getKey());
      List<String> values = c.getValue().stream().sorted().map(DashVectorFilter::literal).toList();
      parts.add(
          values.size() == 1
              ? field + " = " + values.get(0)
              : field + " in (" + String.join(", ", values) + ")");
    }
    return String.join(" and ", parts);
  }

  /**
   * Checks that {@code name} can be a DashVector field name.
   *
   * @param name a metadata key
   * @return the name
   * @throws ValidationException if it cannot
   */
  public static String field(String name) {
    if (!FIELD.matcher(name).matches()) {
      throw ValidationException.invalidField(
          "metadata",
          "key \"" + name + "\" is not a DashVector field name",
          "start with a letter; use letters, digits and _ only (at most 64)");
    }
    return name;
  }

  /**
   * A quoted string literal.
   *
   * @param value the value
   * @return {@code 'value'}
   * @throws ValidationException if the value contains a single quote
   */
  public static String literal(String value) {
    if (value.indexOf('\'') >= 0) {
      throw ValidationException.invalidField(
          "filter",
          "value \"" + value + "\" contains a single quote, which DashVector filters cannot carry",
          "use values without ' in ids and filtered metadata");
    }
    return "'" + value + "'";
  }
}
