/**
 * Pailot's exception hierarchy: one unchecked root, {@link dev.pailot.core.error.PaiException},
 * with subtypes per failure class. Mapped from PAI's error bodies in exactly one place.
 */
package dev.pailot.core.error;
