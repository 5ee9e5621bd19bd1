package dev.pailot.serving.release.shadow;

/** What a shadow comparison recommends. */
public enum ShadowVerdict {
  /** Every check passed: green may go through the blue-green stages. */
  PROMOTE,
  /** A check failed: green was handled per the discard policy. */
  DISCARD
}
