/** SDK-internal implementation of {@code dev.pailot.serving.preflight}; not API. */
package dev.pailot.serving.preflight.internal;
