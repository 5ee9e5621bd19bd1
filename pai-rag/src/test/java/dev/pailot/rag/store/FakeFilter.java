package dev.pailot.rag.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of DashVector's SQL-like filter that equality and any-of filters need ({@code a
 * = 'x' and b in ('y', 'z')}), independently of the store's own writer, and evaluates it.
 */
final class FakeFilter {
  private final String s;
  private int pos;

  private FakeFilter(String s) {
    this.s = s;
  }

  static List<Map.Entry<String, List<String>>> parse(String filter) {
    List<Map.Entry<String, List<String>>> conditions = new ArrayList<>();
    if (filter.isBlank()) {
      return conditions;
    }
    FakeFilter p = new FakeFilter(filter);
    while (true) {
      String field = p.word();
      String op = p.word();
      List<String> values = new ArrayList<>();
      if (op.equals("=")) {
        values.add(p.literal());
      } else if (op.equalsIgnoreCase("in")) {
        p.expect('(');
        values.add(p.literal());
        while (p.peek() == ',') {
          p.expect(',');
          values.add(p.literal());
        }
        p.expect(')');
      } else {
        throw new IllegalArgumentException("unsupported operator " + op);
      }
      conditions.add(new AbstractMap.SimpleEntry<>(field, values));
      p.skipSpaces();
      if (p.pos == p.s.length()) {
        return conditions;
      }
      if (!p.word().equalsIgnoreCase("and")) {
        throw new IllegalArgumentException("expected 'and' in " + filter);
      }
    }
  }

  static boolean matches(List<Map.Entry<String, List<String>>> filter, JsonNode fields) {
    for (Map.Entry<String, List<String>> c : filter) {
      JsonNode v = fields.get(c.getKey());
      if (v == null || v.isNull() || !c.getValue().contains(v.asText())) {
        return false;
      }
    }
    return true;
  }

  private String word() {
    skipSpaces();
    int start = pos;
    if (pos < s.length() && s.charAt(pos) == '=') {
      pos++;
      return "=";
    }
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("syntax error at " + pos + " in " + s);
    }
    return s.substring(start, pos);
  }

  private String literal() {
    expect('\'');
    int end = s.indexOf('\'', pos);
    if (end < 0) {
      throw new IllegalArgumentException("unterminated string in " + s);
    }
    String v = s.substring(pos, end);
    pos = end + 1;
    return v;
  }

  private void expect(char c) {
    skipSpaces();
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + s);
    }
    pos++;
  }

  private char peek() {
    skipSpaces();
    return pos < s.length() ? s.charAt(pos) : 0;
  }

  private void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }
}
