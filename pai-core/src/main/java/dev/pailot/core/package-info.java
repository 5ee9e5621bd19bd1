/**
 * Pailot's core: the {@link dev.pailot.core.Pai} entry point, its configuration and credentials,
 * and the products it talks to. Service clients in other packages and modules build on it.
 */
package dev.pailot.core;
