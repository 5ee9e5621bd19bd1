package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.load.internal.HtmlReport;
import dev.pailot.serving.load.internal.JsonReport;
import dev.pailot.serving.load.internal.Knee;
import dev.pailot.serving.load.internal.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The results of one run or of a sweep, as data, with renderings to JSON, a text table and a
 * self-contained HTML page (inline SVG charts of latency percentiles and goodput against the sweep
 * value; no scripts). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LoadReport {
  /**
   * The report's title.
   *
   * @return the title
   */
  public abstract String title();

  /**
   * What the sweep varied, for axis labels (for example {@code "offered rate (req/s)"}).
   *
   * @return the sweep variable
   */
  @Value.Default
  public String sweepVariable() {
    return "offered rate (req/s)";
  }

  /**
   * The runs, in sweep order.
   *
   * @return the runs
   */
  public abstract List<RunResult> runs();

  /**
   * The SLOs goodput was judged by.
   *
   * @return the SLOs
   */
  @Value.Default
  public Slo slo() {
    return Slo.none();
  }

  /**
   * Free-form context printed with the report (target, engine, machine load).
   *
   * @return notes in insertion order
   */
  public abstract Map<String, String> notes();

  /**
   * How close to the best goodput a run must come to count as on the plateau, for {@link #knee()}.
   *
   * @return the tolerance, default 0.05 (5 %)
   */
  @Value.Default
  public double kneeTolerance() {
    return 0.05;
  }

  /**
   * The knee: among runs sorted by sweep value, the first whose goodput is within {@link
   * #kneeTolerance()} of the best goodput. Past it more load (or concurrency) buys no more good
   * requests. Empty when no run had any goodput.
   *
   * @return the knee run
   */
  public Optional<RunResult> knee() {
    return Knee.find(runs(), kneeTolerance());
  }

  /**
   * The report as pretty-printed JSON (durations in milliseconds).
   *
   * @return JSON text
   */
  public String toJson() {
    return JsonReport.render(this);
  }

  /**
   * The report as a fixed-width text table.
   *
   * @return the table
   */
  public String toText() {
    return TextReport.render(this);
  }

  /**
   * The report as one self-contained HTML page with inline SVG charts.
   *
   * @return HTML text
   */
  public String toHtml() {
    return HtmlReport.render(this);
  }

  /**
   * Writes {@code <name>.json}, {@code <name>.txt} and {@code <name>.html} into {@code directory},
   * creating it if needed.
   *
   * @param directory the output directory
   * @param name the base file name
   * @return the three files written
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<Path> writeTo(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Path json = Files.writeString(directory.resolve(name + ".json"), toJson(), UTF8);
      Path text = Files.writeString(directory.resolve(name + ".txt"), toText(), UTF8);
      Path html = Files.writeString(directory.resolve(name + ".html"), toHtml(), UTF8);
      return List.of(json, text, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load report to " + directory, e);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this report's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (!(kneeTolerance() >= 0 && kneeTolerance() < 1)) {
      throw ValidationException.invalidField(
          "kneeTolerance", kneeTolerance() + " is outside [0, 1)", "use e.g. 0.05");
    }
  }

  /** Builder for {@link LoadReport}. Not thread-safe. */
  public static final class Builder extends ImmutableLoadReport.Builder {
    Builder() {}
  }
}
