/**
 * Jackson mirrors of EAS's JSON (version 2021-07-01, PAI_API.md §3): exact wire names, unknown
 * fields ignored. SDK-internal; users see the domain types in {@code dev.pailot.serving.eas}.
 */
package dev.pailot.serving.eas.internal.wire;
