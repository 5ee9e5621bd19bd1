/**
 * PAI-EAS serving. Available now: {@code dev.pailot.serving.client}, the continuous-batching
 * inference client (streaming, async and {@code Flow} APIs, timings, metrics, a first admission
 * limit), usable on its own with an endpoint and token. Still to come: typed service specs,
 * preflight checks, deployment with real readiness, blue-green releases with gates and automatic
 * rollback, shadow traffic and autoscaling.
 */
package dev.pailot.serving;
