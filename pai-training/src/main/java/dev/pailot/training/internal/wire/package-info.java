/**
 * Jackson mirrors of DLC's JSON (version 2020-12-03, PAI_API.md §2): exact wire names, unknown
 * fields ignored, unset fields left out of requests. SDK-internal; users see the domain types in
 * {@code dev.pailot.training}.
 */
package dev.pailot.training.internal.wire;
