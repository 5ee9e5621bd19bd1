/**
 * The inference client's pipeline: admission, the OkHttp call (SSE through okhttp-sse when
 * streaming), chunk parsing with Jackson, error mapping, timing and Micrometer metrics.
 * SDK-internal; not part of the public API.
 */
package dev.pailot.serving.client.internal;
