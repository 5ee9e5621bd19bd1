/**
 * The DLC client's machinery: typed operations over {@code pai-core}'s pipeline, spec and response
 * mapping, waiters, log following and the client's threads. SDK-internal; not part of the public
 * API.
 */
package dev.pailot.training.internal;
