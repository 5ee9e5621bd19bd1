package dev.pailot.serving.release;

/** What a {@link ReleaseEvent} reports. */
public enum ReleaseEventType {
  /** The run started; attributes say whether it resumed a release in progress. */
  STARTED,
  /** Green is being deployed, standalone in the group. */
  DEPLOYING,
  /** Green runs and answers on its own endpoint. */
  DEPLOYED,
  /** Warm-up requests were sent to green. */
  WARMED,
  /** A stage's weights are set and its bake started. */
  STAGE_STARTED,
  /** A stage's gates judged it; attributes say whether it passed. */
  STAGE_JUDGED,
  /** Traffic is returning to blue. */
  ROLLING_BACK,
  /** Blue takes all traffic again; green was handled per the green policy. */
  ROLLED_BACK,
  /** Green takes all traffic; blue was handled per the blue policy. */
  PROMOTED,
  /** The controller was interrupted; EAS keeps the current weights. */
  INTERRUPTED,
  /** Shadow: blue's traffic is mirrored to green; the evaluation window started. */
  MIRRORING,
  /** Shadow: the window is over and the comparison judged; attributes carry the verdict. */
  SHADOW_JUDGED
}
