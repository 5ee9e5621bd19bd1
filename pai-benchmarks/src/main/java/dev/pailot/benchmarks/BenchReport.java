package dev.pailot.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's report: context notes, a table with the baseline side by side, and verdicts against
 * the targets. Written as {@code <name>.json} and {@code <name>.txt} to {@code
 * target/bench/}.
 */
final class BenchReport {
  record Verdict(String target, String measured, boolean pass) {}

  private final String name;
  private final String title;
  private final Map<String, String> notes = new LinkedHashMap<>();
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();
  private final List<Verdict> verdicts = new ArrayList<>();

  BenchReport(String name, String title, List<String> columns) {
    this.name = name;
    this.title = title;
    this.columns = columns;
    notes.put("date", Instant.now().toString());
    notes.put("load average at start", Machine.loadAverage());
    notes.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  BenchReport note(String key, String value) {
    notes.put(key, value);
    return this;
  }

  BenchReport row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + columns.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  BenchReport verdict(String target, String measured, boolean pass) {
    verdicts.add(new Verdict(target, measured, pass));
    return this;
  }

  boolean passed() {
    return verdicts.stream().allMatch(Verdict::pass);
  }

  String text() {
    StringBuilder out = new StringBuilder(title).append('\n');
    notes.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns);
    rows.forEach(r -> cells.add(r.stream().map(BenchReport::cell).toList()));
    int[] w = new int[columns.size()];
    cells.forEach(
        r -> {
          for (int i = 0; i < r.size(); i++) {
            w[i] = Math.max(w[i], r.get(i).length());
          }
        });
    for (List<String> r : cells) {
      for (int i = 0; i < r.size(); i++) {
        String c = r.get(i);
        String fill = " ".repeat(w[i] - c.length());
        out.append(i == 0 ? c + fill : "  " + fill + c);
      }
      out.append('\n');
    }
    for (Verdict v : verdicts) {
      out.append(v.pass() ? "PASS  " : "FAIL  ")
          .append(v.target())
          .append(": ")
          .append(v.measured())
          .append('\n');
    }
    return out.toString();
  }

  String json() throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode().put("benchmark", name).put("title", title);
    ObjectNode n = root.putObject("notes");
    notes.forEach(n::put);
    var table = root.putArray("rows");
    for (List<Object> r : rows) {
      ObjectNode row = table.addObject();
      for (int i = 0; i < columns.size(); i++) {
        row.putPOJO(columns.get(i), r.get(i));
      }
    }
    var vs = root.putArray("verdicts");
    verdicts.forEach(
        v ->
            vs.addObject()
                .put("target", v.target())
                .put("measured", v.measured())
                .put("pass", v.pass()));
    root.put("pass", passed());
    return mapper.writeValueAsString(root) + "\n";
  }

  /** Writes the report to target/bench and prints it; returns the text. */
  String write() throws IOException {
    notes.put("load average at end", Machine.loadAverage());
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    String text = text();
    Files.writeString(dir.resolve(name + ".txt"), text);
    Files.writeString(dir.resolve(name + ".json"), json());
    System.out.print(text);
    return text;
  }

  static String cell(Object o) {
    if (o instanceof Double d) {
      return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%.2f", d);
    }
    return String.valueOf(o);
  }
}
