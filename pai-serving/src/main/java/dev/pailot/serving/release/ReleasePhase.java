package dev.pailot.serving.release;

/** Where a blue-green release stands, as derived from EAS alone (see {@link ReleaseState}). */
public enum ReleasePhase {
  /** No green service: nothing has happened yet (or a rollback deleted green). */
  NOT_STARTED,
  /** Green exists but is not {@code Running} yet; it takes no traffic. */
  DEPLOYING,
  /** Green runs, takes no group traffic ({@code standalone}); blue serves everything. */
  PRE_TRAFFIC,
  /** Both take group traffic by release weights: a stage is in progress. */
  SHIFTING,
  /** Green takes all group traffic; blue none. */
  PROMOTED,
  /** Green was stopped after taking traffic away from it; blue serves everything. */
  ROLLED_BACK
}
