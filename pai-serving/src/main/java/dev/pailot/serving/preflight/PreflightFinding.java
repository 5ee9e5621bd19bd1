package dev.pailot.serving.preflight;

import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One preflight finding: the check's id (e.g. {@code image-tag}), its severity, what is wrong and
 * how to fix it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class PreflightFinding {
  /**
   * The check id, stable across versions; used to waive an error.
   *
   * @return id
   */
  public abstract String id();

  /**
   * Severity.
   *
   * @return severity
   */
  public abstract Severity severity();

  /**
   * What is wrong, with the measured or estimated values.
   *
   * @return message
   */
  public abstract String message();

  /**
   * How to fix it.
   *
   * @return fix
   */
  public abstract String fix();

  /**
   * A finding.
   *
   * @param id check id
   * @param severity severity
   * @param message what is wrong
   * @param fix how to fix it
   * @return the finding
   */
  public static PreflightFinding of(String id, Severity severity, String message, String fix) {
    return ImmutablePreflightFinding.builder()
        .id(id)
        .severity(severity)
        .message(message)
        .fix(fix)
        .build();
  }
}
