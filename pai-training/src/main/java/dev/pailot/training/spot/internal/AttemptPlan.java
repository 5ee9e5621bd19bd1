package dev.pailot.training.spot.internal;

import dev.pailot.training.JobSpec;

/**
 * One attempt to submit.
 *
 * @param number attempt number, from 1
 * @param spot whether its spot roles keep their {@code SpotSpec}
 * @param resumeStep the step it resumes from, 0 for none
 * @param spec its job spec
 */
record AttemptPlan(int number, boolean spot, long resumeStep, JobSpec spec) {}
