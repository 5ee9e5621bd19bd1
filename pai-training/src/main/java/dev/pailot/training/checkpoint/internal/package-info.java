/**
 * The checkpoint stores' machinery: OSS URI parsing and the bridge from Pailot's credentials to the
 * OSS SDK. SDK-internal; not part of the public API.
 */
package dev.pailot.training.checkpoint.internal;
