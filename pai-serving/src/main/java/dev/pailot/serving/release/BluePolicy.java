package dev.pailot.serving.release;

/** What a promotion does with blue once traffic has left it. */
public enum BluePolicy {
  /** Leave blue running, standalone (the default), for a fast manual rollback. */
  KEEP,
  /** Stop blue. */
  STOP,
  /** Delete blue. */
  DELETE
}
