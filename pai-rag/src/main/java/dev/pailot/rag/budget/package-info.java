/**
 * Per-stage latency budgets and policies of the RAG pipeline, and the reports that say how each
 * stage of a request ended.
 */
package dev.pailot.rag.budget;
