/** SDK-internal implementation of {@code dev.pailot.serving.eas}; not API. */
package dev.pailot.serving.eas.internal;
