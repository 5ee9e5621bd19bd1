/**
 * Prometheus exposition of Pailot's metrics: {@link
 * dev.pailot.observability.prometheus.PailotMeterFilters} makes timers publish {@code _bucket}
 * series, {@link dev.pailot.observability.prometheus.MetricsEndpoint} serves a registry on {@code
 * /metrics}, {@link dev.pailot.observability.prometheus.MetricNames} lists the names, and {@link
 * dev.pailot.observability.prometheus.LifecycleMetrics} records rollbacks and spot preemptions.
 */
package dev.pailot.observability.prometheus;
