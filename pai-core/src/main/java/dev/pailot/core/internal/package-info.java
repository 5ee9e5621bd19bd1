/**
 * SDK-internal plumbing shared by Pailot modules. Not part of the public API; may change at any
 * time.
 */
package dev.pailot.core.internal;
