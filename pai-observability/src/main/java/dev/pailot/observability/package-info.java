/**
 * Observability (not yet implemented): Prometheus exposition of Pailot's metrics, alert-rule
 * generation checked by promtool, engine metrics scraping, a PromQL client and a KV-cache capacity
 * calculator.
 */
package dev.pailot.observability;
