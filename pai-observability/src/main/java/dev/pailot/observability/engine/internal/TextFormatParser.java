package dev.pailot.observability.engine.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.observability.engine.Exposition;
import dev.pailot.observability.engine.MetricFamily;
import dev.pailot.observability.engine.MetricSample;
import dev.pailot.observability.engine.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Prometheus's text exposition format 0.0.4: {@code # HELP} / {@code # TYPE} lines, other
 * comments, samples with escaped label values, {@code NaN} / {@code +Inf} / {@code -Inf} and
 * optional millisecond timestamps. A sample joins the family {@code # TYPE} declared for its name,
 * or for its name without a {@code _bucket} / {@code _sum} / {@code _count} (histograms, summaries)
 * or {@code _total} / {@code _created} (counters) suffix; otherwise it starts an untyped family of
 * its own. SDK-internal; one instance per parse, not thread-safe.
 */
public final class TextFormatParser {
  private static final String[] SUFFIXES = {"_bucket", "_sum", "_count", "_total", "_created"};

  private final Map<String, FamilyDraft> families = new LinkedHashMap<>();
  private int lineNumber;

  private TextFormatParser() {}

  /**
   * Parses an exposition.
   *
   * @param text the scraped body
   * @return the families
   * @throws PaiException naming the line when the text is not valid exposition format
   */
  public static Exposition parse(String text) {
    TextFormatParser p = new TextFormatParser();
    for (String line : text.split("\n", -1)) {
      p.lineNumber++;
      p.line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    Exposition.Builder out = Exposition.builder();
    p.families.values().forEach(f -> out.addFamilies(f.build()));
    return out.build();
  }

  /**
   * Parses a sample value: a float, {@code NaN}, {@code +Inf}, {@code -Inf} (also {@code Inf}).
   *
   * @param text the value as written
   * @return the value
   * @throws NumberFormatException when it is none of these
   */
  public static double parseValue(String text) {
    switch (text) {
      case "+Inf":
      case "Inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
      case "nan":
        return Double.NaN;
      default:
        if (text.isEmpty()
            || !(Character.isDigit(text.charAt(0)) || "+-.".indexOf(text.charAt(0)) >= 0)) {
          throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
  }

  private void line(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    if (trimmed.startsWith("#")) {
      comment(trimmed);
      return;
    }
    sample(trimmed);
  }

  private void comment(String line) {
    String[] parts = line.substring(1).strip().split("[ \t]+", 3);
    if (parts.length < 2 || !(parts[0].equals("HELP") || parts[0].equals("TYPE"))) {
      return; // a plain comment
    }
    FamilyDraft family = families.computeIfAbsent(parts[1], FamilyDraft::new);
    String rest = parts.length > 2 ? parts[2] : "";
    if (parts[0].equals("HELP")) {
      family.help = unescapeHelp(rest);
    } else {
      family.type = MetricType.fromName(rest.strip());
    }
  }

  private void sample(String line) {
    int i = 0;
    while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
      i++;
    }
    if (i == 0) {
      throw error("expected a metric name");
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    int brace = skipBlanks(line, i);
    if (brace < line.length() && line.charAt(brace) == '{') {
      i = labels(line, brace + 1, labels);
    }
    String[] rest = line.substring(i).strip().split("[ \t]+");
    if (rest.length == 0 || rest[0].isEmpty() || rest.length > 2) {
      throw error("expected a value and an optional timestamp after " + name);
    }
    MetricSample.Builder sample = MetricSample.builder().name(name).labels(labels);
    try {
      sample.value(parseValue(rest[0]));
      if (rest.length == 2) {
        sample.timestampMillis(Long.parseLong(rest[1]));
      }
    } catch (NumberFormatException e) {
      throw error("'" + String.join(" ", rest) + "' is not a value [timestamp] for " + name);
    }
    familyOf(name).samples.add(sample.build());
  }

  private int labels(String line, int start, Map<String, String> labels) {
    int i = skipBlanks(line, start);
    while (i < line.length() && line.charAt(i) != '}') {
      int nameStart = i;
      while (i < line.length()
          && isNameChar(line.charAt(i), i == nameStart)
          && line.charAt(i) != ':') {
        i++;
      }
      String label = line.substring(nameStart, i);
      i = skipBlanks(line, i);
      if (label.isEmpty() || i >= line.length() || line.charAt(i) != '=') {
        throw error("expected label=\"value\"");
      }
      i = skipBlanks(line, i + 1);
      if (i >= line.length() || line.charAt(i) != '"') {
        throw error("expected a quoted value for label " + label);
      }
      StringBuilder value = new StringBuilder();
      i = quoted(line, i + 1, value);
      labels.put(label, value.toString());
      i = skipBlanks(line, i);
      if (i < line.length() && line.charAt(i) == ',') {
        i = skipBlanks(line, i + 1);
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw error("expected ',' or '}' after label " + label);
      }
    }
    if (i >= line.length()) {
      throw error("unclosed '{'");
    }
    return i + 1;
  }

  private int quoted(String line, int start, StringBuilder out) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        if (next == 'n') {
          out.append('\n');
        } else if (next == '\\' || next == '"') {
          out.append(next);
        } else {
          out.append(c).append(next); // not an escape the format defines: keep it as written
        }
      } else {
        out.append(c);
      }
      i++;
    }
    throw error("unclosed label value");
  }

  private FamilyDraft familyOf(String sampleName) {
    FamilyDraft exact = families.get(sampleName);
    if (exact != null) {
      return exact;
    }
    for (String suffix : SUFFIXES) {
      if (sampleName.endsWith(suffix)) {
        FamilyDraft base =
            families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
        if (base != null && base.type != MetricType.UNTYPED && base.type != MetricType.GAUGE) {
          return base;
        }
      }
    }
    return families.computeIfAbsent(sampleName, FamilyDraft::new);
  }

  /** HELP text escapes only {@code \\} and {@code \n}; any other backslash stays as written. */
  private static String unescapeHelp(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\\' && (next == 'n' || next == '\\')) {
        out.append(next == 'n' ? '\n' : '\\');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int skipBlanks(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == ':'
        || (!first && c >= '0' && c <= '9');
  }

  private PaiException error(String problem) {
    return new PaiException(
        "Malformed Prometheus text exposition at line "
            + lineNumber
            + ": "
            + problem
            + ". Check that the endpoint serves text format 0.0.4 (not protobuf or HTML).");
  }

  private static final class FamilyDraft {
    final String name;
    MetricType type = MetricType.UNTYPED;
    String help;
    final List<MetricSample> samples = new ArrayList<>();

    FamilyDraft(String name) {
      this.name = name;
    }

    MetricFamily build() {
      MetricFamily.Builder b = MetricFamily.builder().name(name).type(type).samples(samples);
      if (help != null) {
        b.help(help);
      }
      return b.build();
    }
  }
}
