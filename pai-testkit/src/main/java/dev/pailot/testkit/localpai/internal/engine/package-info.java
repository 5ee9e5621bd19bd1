/**
 * LocalPai's simulated inference engines: a continuous-batching LLM engine that behaves like vLLM
 * (OpenAI-compatible HTTP and SSE, iteration-level scheduling in real time, paged KV cache with
 * preemption by recompute, vLLM metrics), a static batcher on the same hardware model for
 * comparison, and embedding and rerank models with a batch-aware cost model. {@link
 * dev.pailot.testkit.localpai.internal.engine.EngineBackendFactory} creates them from EAS service
 * specs for LocalPai's EAS emulation.
 */
package dev.pailot.testkit.localpai.internal.engine;
