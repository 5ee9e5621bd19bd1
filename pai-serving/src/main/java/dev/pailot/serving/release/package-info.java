/**
 * Blue-green releases on EAS with gates and automatic rollback: {@link
 * dev.pailot.serving.release.BlueGreen} deploys green standalone in blue's service group, warms it,
 * then moves traffic in stages (10% -> 50% -> 100% by default), bakes each stage and lets the
 * {@link dev.pailot.serving.release.gates gates} judge it; a failing gate returns all traffic to
 * blue. The release state is derived from EAS alone ({@link
 * dev.pailot.serving.release.ReleaseState}), so a release whose controller died is resumed by
 * running it again. Reports ({@link dev.pailot.serving.release.ReleaseReport}) are plain data, JSON
 * and text. See {@code docs/releases.md}.
 */
package dev.pailot.serving.release;
