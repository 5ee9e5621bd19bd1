/** Pipeline internals (stage runner, per-request flows, meters). Not part of the public API. */
package dev.pailot.rag.pipeline.internal;
