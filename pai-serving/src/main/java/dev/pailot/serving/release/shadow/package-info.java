/**
 * Shadow evaluations: mirror a share of blue's live traffic to green with EAS traffic mirroring,
 * compare latency, errors and golden-set agreement through both services' own endpoints, then keep
 * green for a blue-green promotion or discard it. See {@link
 * dev.pailot.serving.release.shadow.Shadow}.
 */
package dev.pailot.serving.release.shadow;
