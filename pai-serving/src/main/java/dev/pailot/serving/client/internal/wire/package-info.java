/**
 * Jackson DTOs that mirror the OpenAI-compatible JSON of vLLM, SGLang and BladeLLM answers (chat
 * and text completions, streamed chunks, embeddings, Jina / vLLM rerank, error bodies).
 * SDK-internal; users see the domain values of {@code dev.pailot.serving.client}.
 */
package dev.pailot.serving.client.internal.wire;
