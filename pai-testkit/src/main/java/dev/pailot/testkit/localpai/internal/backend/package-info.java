/**
 * The contract between LocalPai's EAS emulation (gateway, replicas, readiness, routing) and what
 * runs inside a replica (the emulated LLM engine, embedding and rerank models, echo containers).
 */
package dev.pailot.testkit.localpai.internal.backend;
