/**
 * Release gates: {@link dev.pailot.serving.release.gates.ReleaseGate} and the built-in PromQL,
 * client-metrics and golden-set gates, with pluggable {@link
 * dev.pailot.serving.release.gates.Scorers scorers}. Verdicts carry what was measured.
 */
package dev.pailot.serving.release.gates;
