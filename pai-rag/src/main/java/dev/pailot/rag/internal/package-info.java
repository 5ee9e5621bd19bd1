/** Internals shared by the RAG packages. Not part of the public API. */
package dev.pailot.rag.internal;
