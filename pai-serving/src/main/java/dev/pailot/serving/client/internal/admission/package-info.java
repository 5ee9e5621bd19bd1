/**
 * The client's admission stage: how many requests may be in flight, who waits, and in which order.
 * {@link dev.pailot.serving.client.internal.admission.AdmissionController} is the seam an adaptive
 * limiter plugs into; {@link dev.pailot.serving.client.internal.admission.FixedLimitAdmission} is
 * the fixed limit with a bounded priority queue; {@link
 * dev.pailot.serving.client.internal.admission.AdaptiveAdmission} adapts the limit to time to first
 * token and keeps a share for interactive requests. SDK-internal.
 */
package dev.pailot.serving.client.internal.admission;
