package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The replica LocalPai runs when no {@code BackendFactory} recognises a service: a container that
 * answers {@code GET /} and {@code GET /health} with 200 and echoes every {@code POST} body back
 * with its content type, so non-LLM services (and SDK deployment flows) work end to end. Stateless
 * and thread-safe; never blocks.
 */
final class EchoBackend implements ServiceBackend {
  /** Emulated minutes to pull an image and start a container. */
  static final double START_MINUTES = 0.5;

  /**
   * Emulated minutes per mounted model: the echo container cannot know a model's size, so each
   * model mount (or processor {@code model_path}) counts as one small model.
   */
  static final double MODEL_MINUTES = 0.5;

  private final Duration loadTime;

  EchoBackend(Duration loadTime) {
    this.loadTime = loadTime;
  }

  /**
   * The default load time of a service without a backend of its own: container start plus one
   * {@link #MODEL_MINUTES} per model.
   *
   * @param config service JSON
   * @param emulation time scale
   * @return real time to ready
   */
  static Duration defaultLoadTime(JsonNode config, Emulation emulation) {
    int models = config.hasNonNull("model_path") ? 1 : 0;
    for (JsonNode mount : config.path("storage")) {
      if ("model".equals(mount.path("properties").path("resource_type").asText())) {
        models++;
      }
    }
    Instant t = Instant.EPOCH;
    return Duration.between(t, emulation.after(t, START_MINUTES + models * MODEL_MINUTES));
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request, String subPath) {
    FullHttpResponse response;
    if (HttpMethod.GET.equals(request.method())
        && (subPath.equals("/") || subPath.equals("/health"))) {
      response = GatewayReplies.response(HttpResponseStatus.OK, "text/plain", bytes("ok"));
    } else if (HttpMethod.POST.equals(request.method())) {
      String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/json");
      response =
          GatewayReplies.response(
              HttpResponseStatus.OK, type, Unpooled.copiedBuffer(request.content()));
    } else {
      response =
          GatewayReplies.response(HttpResponseStatus.NOT_FOUND, "text/plain", bytes("Not Found"));
    }
    GatewayReplies.send(ctx, request, response);
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  @Override
  public Duration loadTime() {
    return loadTime;
  }

  @Override
  public void close() {
    // Nothing to free: the echo answers in place.
  }
}
