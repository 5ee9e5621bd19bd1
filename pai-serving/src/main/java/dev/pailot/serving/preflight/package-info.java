/**
 * Preflight checks for EAS service specs: {@link dev.pailot.serving.preflight.Preflight#check}
 * gives a {@link dev.pailot.serving.preflight.PreflightReport}; deploys refuse specs with errors
 * unless the check id is waived.
 */
package dev.pailot.serving.preflight;
