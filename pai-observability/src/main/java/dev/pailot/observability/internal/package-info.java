/** SDK-internal code shared by the observability packages; not part of the public API. */
package dev.pailot.observability.internal;
