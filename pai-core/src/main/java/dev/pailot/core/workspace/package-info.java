/**
 * PAI workspaces and datasets as code: {@link dev.pailot.core.workspace.WorkspaceSpec} describes a
 * workspace and its datasets as plain data, and {@link dev.pailot.core.workspace.WorkspaceClient}
 * makes it exist ({@code ensure}), previews that ({@code plan}), and reads and deletes workspaces
 * and datasets.
 */
package dev.pailot.core.workspace;
