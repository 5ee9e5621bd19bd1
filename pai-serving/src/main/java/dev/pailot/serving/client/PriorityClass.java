package dev.pailot.serving.client;

/**
 * The client-side admission class of a request. When the client's concurrency limit is reached,
 * queued {@link #INTERACTIVE} requests are admitted before any queued {@link #BATCH} request;
 * within a class, requests are admitted in arrival order.
 *
 * <p>This is the client's own queue. The engine-side scheduling priority that vLLM reads from the
 * request body is {@link GenerationRequest#priority()}, a separate setting.
 */
public enum PriorityClass {
  /** A user is waiting: admitted first. The default. */
  INTERACTIVE,
  /** Offline or bulk work: admitted only when no interactive request is queued. */
  BATCH
}
