package dev.pailot.serving.preflight;

/** How much a preflight finding matters. */
public enum Severity {
  /** Blocks a deploy unless waived by its check id. */
  ERROR,
  /** Likely to hurt in production; does not block. */
  WARNING,
  /** Worth knowing; does not block. */
  INFO
}
