/**
 * KV-cache capacity: {@link dev.pailot.observability.capacity.KvCacheCalculator} turns a {@link
 * dev.pailot.observability.capacity.ModelShape}, a {@link
 * dev.pailot.observability.capacity.KvCacheDtype} and a GPU memory figure into a {@link
 * dev.pailot.observability.capacity.KvCacheEstimate}: bytes per token, tokens that fit, and
 * concurrent sequences at a context length.
 */
package dev.pailot.observability.capacity;
