/**
 * Engine metrics: {@link dev.pailot.observability.engine.PrometheusText} parses Prometheus's text
 * format, {@link dev.pailot.observability.engine.EngineMetricsScraper} reads an engine's {@code
 * /metrics} into {@link dev.pailot.observability.engine.EngineMetrics} (vLLM's running, waiting and
 * KV-cache gauges), and {@link dev.pailot.observability.engine.EngineMetricsPoller} keeps the
 * latest scrape fresh on a daemon thread.
 */
package dev.pailot.observability.engine;
