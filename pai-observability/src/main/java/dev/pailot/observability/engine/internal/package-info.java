/** The text-format parser behind {@link dev.pailot.observability.engine.PrometheusText}. */
package dev.pailot.observability.engine.internal;
