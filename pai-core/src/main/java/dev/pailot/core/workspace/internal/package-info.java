/**
 * How {@code WorkspaceClient} talks to AIWorkspace and reconciles specs: typed operations over the
 * one control-plane pipeline, wire-to-domain mapping, drift detection, and recovery from ambiguous
 * creates. SDK-internal; not part of the public API.
 */
package dev.pailot.core.workspace.internal;
