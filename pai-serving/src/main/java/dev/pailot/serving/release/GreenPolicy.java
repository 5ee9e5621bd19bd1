package dev.pailot.serving.release;

/** What a rollback does with green once traffic has left it. */
public enum GreenPolicy {
  /** Stop green (the default): it costs nothing, keeps its versions, and shows as rolled back. */
  STOP,
  /** Delete green. */
  DELETE,
  /**
   * Leave green running, standalone. EAS then cannot tell a rolled-back green from one waiting for
   * its first stage, so running the release again re-judges it.
   */
  KEEP
}
