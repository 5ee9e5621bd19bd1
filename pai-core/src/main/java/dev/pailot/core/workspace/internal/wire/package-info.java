/**
 * Jackson mirrors of AIWorkspace's JSON (version 2021-02-04): exact wire names, unknown fields
 * ignored. SDK-internal; users see the domain types in {@code dev.pailot.core.workspace}.
 */
package dev.pailot.core.workspace.internal.wire;
