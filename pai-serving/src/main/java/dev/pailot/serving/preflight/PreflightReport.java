package dev.pailot.serving.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.internal.PailotStyle;
import java.util.Collection;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of {@link Preflight#check}: every finding for one spec under one profile. Plain data:
 * {@link #toJson()} for portals, {@link #toText()} for people.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class PreflightReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The checked service.
   *
   * @return service name
   */
  public abstract String serviceName();

  /**
   * The profile's name, e.g. {@code production}.
   *
   * @return profile name
   */
  public abstract String profile();

  /**
   * The findings, errors first.
   *
   * @return findings
   */
  public abstract List<PreflightFinding> findings();

  /**
   * The findings of one severity.
   *
   * @param severity severity
   * @return findings
   */
  public List<PreflightFinding> withSeverity(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).toList();
  }

  /**
   * The errors not waived: what blocks a deploy.
   *
   * @param waivedIds check ids the caller accepts
   * @return blocking findings
   */
  public List<PreflightFinding> blocking(Collection<String> waivedIds) {
    return withSeverity(Severity.ERROR).stream().filter(f -> !waivedIds.contains(f.id())).toList();
  }

  /**
   * Whether no error was found.
   *
   * @return true if no finding is an error
   */
  public boolean passed() {
    return withSeverity(Severity.ERROR).isEmpty();
  }

  /**
   * The report as JSON: {@code {serviceName, profile, passed, findings: [{id, severity, message,
   * fix}]}}.
   *
   * @return JSON text
   */
  public String toJson() {
    ObjectNode n =
        JSON.createObjectNode().put("serviceName", serviceName()).put("profile", profile());
    n.put("passed", passed());
    ArrayNode list = n.putArray("findings");
    for (PreflightFinding f : findings()) {
      list.addObject()
          .put("id", f.id())
          .put("severity", f.severity().name())
          .put("message", f.message())
          .put("fix", f.fix());
    }
    return n.toString();
  }

  /**
   * The report as lines of text, one per finding.
   *
   * @return text
   */
  public String toText() {
    StringBuilder b =
        new StringBuilder("Preflight of ")
            .append(serviceName())
            .append(" (")
            .append(profile())
            .append("): ")
            .append(passed() ? "passed" : withSeverity(Severity.ERROR).size() + " error(s)")
            .append('\n');
    for (PreflightFinding f : findings()) {
      b.append(
          String.format("  %-7s %-18s %s Fix: %s%n", f.severity(), f.id(), f.message(), f.fix()));
    }
    return b.toString();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PreflightReport}. Not thread-safe. */
  public static final class Builder extends ImmutablePreflightReport.Builder {
    Builder() {}
  }
}
