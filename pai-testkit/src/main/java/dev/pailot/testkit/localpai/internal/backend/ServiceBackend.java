package dev.pailot.testkit.localpai.internal.backend;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.time.Duration;

/**
 * What runs inside one replica (instance) of an emulated EAS service: an OpenAI-compatible LLM
 * engine, an embedding or rerank model, or a plain echo container. The EAS gateway emulation owns
 * routing, token checks, readiness (503 "no healthy upstream" until {@link #loadTime()} has
 * passed), group weights and mirroring; the backend only answers requests that reached its replica.
 *
 * <p>Runs on Netty event-loop threads: never block; schedule work on {@code ctx.executor()} or the
 * backend's own scheduler.
 */
public interface ServiceBackend {
  /**
   * Answers one data-plane request. The gateway has already checked the service token.
   *
   * @param ctx channel context; the backend writes the full response (or an SSE stream) to it, and
   *     must stop work for the request when the channel closes (the engine aborts the sequence)
   * @param request the request; released after this method returns unless retained
   * @param subPath the path below the service endpoint, e.g. {@code /v1/chat/completions}, {@code
   *     /health}, {@code /metrics}; {@code /} for the bare endpoint
   */
  void handle(ChannelHandlerContext ctx, FullHttpRequest request, String subPath);

  /**
   * How long this replica takes to become ready, in real time already scaled by the emulator
   * (weights from OSS: model size divided by storage throughput, then the engine's warm-up). Read
   * once, right after the backend is created; the gateway sends the replica no request before it
   * has passed.
   *
   * @return load time
   */
  Duration loadTime();

  /**
   * Stops the replica: aborts in-flight requests and frees its resources. Idempotent. Called on the
   * EAS thread, holding no EAS lock, when the replica is scaled in, replaced, killed, stopped or
   * deleted, or LocalPai closes; it may wait briefly for its own work to stop.
   */
  void close();
}
