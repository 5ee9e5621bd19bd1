/**
 * Spot training that survives preemption. {@link dev.pailot.training.spot.SpotTraining} is the
 * client; {@link dev.pailot.training.spot.SpotRun} submits a job on spot capacity attempt after
 * attempt, each resuming from the newest complete checkpoint ({@link
 * dev.pailot.training.spot.ResumeContract}), with a preemption classifier, a gang-start guard,
 * fallback to on-demand, a budget, listener events and a {@link
 * dev.pailot.training.spot.SpotRunReport} with costs from the price book. See {@code
 * docs/training.md}, "Spot runs".
 */
package dev.pailot.training.spot;
