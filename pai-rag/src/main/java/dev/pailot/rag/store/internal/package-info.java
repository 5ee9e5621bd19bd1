/** SDK-internal: the DashVector HTTP pipeline and filter syntax. Not part of the public API. */
package dev.pailot.rag.store.internal;
