/**
 * PAI-EAS serving (not yet implemented): typed service specs, preflight checks, deployment with
 * real readiness, blue-green releases with gates and automatic rollback, shadow traffic,
 * autoscaling, and in {@code dev.pailot.serving.client} the continuous-batching inference client.
 */
package dev.pailot.serving;
