/** Release and shadow controllers, state derivation and report rendering. Not public API. */
package dev.pailot.serving.release.internal;
