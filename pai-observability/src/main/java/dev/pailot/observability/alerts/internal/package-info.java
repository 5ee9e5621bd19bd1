/** Formatting behind the alert-rule generator. */
package dev.pailot.observability.alerts.internal;
