/** Prompt assembly: template, context token budget and numbered citations. */
package dev.pailot.rag.assemble;
