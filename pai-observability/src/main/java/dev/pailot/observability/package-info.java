/**
 * Observability for Pailot: Prometheus exposition ({@code prometheus}), alert rules checked by
 * promtool ({@code alerts}), engine {@code /metrics} scraping ({@code engine}), a PromQL client
 * ({@code promql}), a KV-cache capacity calculator ({@code capacity}), EAS autoscaling from LLM
 * signals ({@code autoscaling}) and a Grafana dashboard ({@code grafana}). {@link
 * dev.pailot.observability.ObservabilityArtifacts} writes the rule files and the dashboard.
 */
package dev.pailot.observability;
