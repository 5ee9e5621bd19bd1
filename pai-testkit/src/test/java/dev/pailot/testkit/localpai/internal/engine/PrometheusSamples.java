package dev.pailot.testkit.localpai.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses Prometheus text exposition strictly enough to catch malformed lines. */
final class PrometheusSamples {
  private PrometheusSamples() {}

  /** Sample (name with labels) to value; throws on a line that is neither comment nor sample. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (!line.matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*")) {
          throw new IllegalArgumentException("bad comment: " + line);
        }
        continue;
      }
      if (!line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? \\S+")) {
        throw new IllegalArgumentException("bad sample: " + line);
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }
}
