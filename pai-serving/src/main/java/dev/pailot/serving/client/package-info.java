/**
 * The continuous-batching inference client: {@link dev.pailot.serving.client.InferenceClient} talks
 * to EAS services and groups and to any OpenAI-compatible engine (vLLM, SGLang, BladeLLM).
 *
 * <p>Chat and text completions, streamed ({@link dev.pailot.serving.client.StreamListener} with a
 * {@link dev.pailot.serving.client.StreamHandle}, or a {@link
 * dev.pailot.serving.client.DeltaPublisher} that honours demand) or not; embeddings; rerank; raw
 * EAS predict. Per-request {@link dev.pailot.serving.client.Timings} (TTFT, TPOT, inter-token
 * latency, end to end, tokens) and Micrometer metrics under the blueprint's names. A fixed
 * concurrency limit with a bounded priority queue and per-request deadlines. Errors map to
 * pai-core's {@link dev.pailot.core.error.PaiException} hierarchy plus {@link
 * dev.pailot.serving.client.InferenceException}'s subtypes.
 *
 * <p>Request and result types are immutable values; the client is thread-safe.
 */
package dev.pailot.serving.client;
