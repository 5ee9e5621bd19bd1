package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;

/**
 * A replica whose spec could not be read (e.g. {@code --max-num-seqs abc}): like a container that
 * exits at start, it never serves; every request gets 503 with the reason, so the mistake is
 * visible to whoever calls the service.
 */
final class FailedBackend implements ServiceBackend {
  private final String reason;

  FailedBackend(String reason) {
    this.reason = reason;
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request, String subPath) {
    HttpReplies.error(
        ctx,
        ApiError.unavailable("The engine failed to start: " + reason),
        HttpUtil.isKeepAlive(request));
  }

  @Override
  public Duration loadTime() {
    return Duration.ZERO;
  }

  @Override
  public void close() {}
}
