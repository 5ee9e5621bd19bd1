/**
 * The client's admission stage: how many requests may be in flight, who waits, and in which order.
 * {@link dev.pailot.serving.client.internal.admission.AdmissionController} is the seam an adaptive
 * limiter plugs into; {@link dev.pailot.serving.client.internal.admission.FixedLimitAdmission} is
 * the fixed limit with a bounded priority queue. SDK-internal.
 */
package dev.pailot.serving.client.internal.admission;
