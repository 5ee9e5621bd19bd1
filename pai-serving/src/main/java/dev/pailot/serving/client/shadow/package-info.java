/**
 * Client-side shadow mirroring: {@link dev.pailot.serving.client.shadow.ShadowMirror} copies a
 * share of requests to a shadow endpoint without delaying or failing the primary call, and reports
 * both outcomes ({@link dev.pailot.serving.client.shadow.ShadowComparison}) to a {@link
 * dev.pailot.serving.client.shadow.ShadowListener} such as a bounded {@link
 * dev.pailot.serving.client.shadow.ShadowRecorder}.
 */
package dev.pailot.serving.client.shadow;
