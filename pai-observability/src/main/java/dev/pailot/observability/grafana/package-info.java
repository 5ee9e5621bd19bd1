/**
 * A Grafana dashboard for Pailot's metrics: {@link
 * dev.pailot.observability.grafana.PailotDashboard#json(String)}.
 */
package dev.pailot.observability.grafana;
