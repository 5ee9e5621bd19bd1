/**
 * Checkpoint stores: where a training job's checkpoints are and which is the newest complete one. A
 * checkpoint {@code N} is a directory {@code step-N/} under the job's checkpoint location; it is
 * complete once its marker {@code step-N/_COMPLETE} exists, written after everything else, so a
 * checkpoint cut short by a preemption is never resumed from ({@link
 * dev.pailot.training.checkpoint.CheckpointLayout}).
 *
 * <p>{@link dev.pailot.training.checkpoint.CheckpointStore} is the interface spot runs read; {@link
 * dev.pailot.training.checkpoint.LocalCheckpointStore} reads a local directory (LocalPai maps
 * {@code oss://} locations to one), {@link dev.pailot.training.checkpoint.OssCheckpointStore} reads
 * OSS through the Alibaba Cloud OSS Java SDK.
 */
package dev.pailot.training.checkpoint;
