package dev.pailot.testkit.localpai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend factory for tests: it serves services whose first image is {@code test/who:<load ms>}
 * and answers every request with {@code {"service","version","replica","path"}}, counting requests
 * per service and remembering the contexts it was given.
 */
final class TestBackends implements BackendFactory {
  static final String IMAGE = "test/who:";

  final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  final Map<String, BackendContext> contexts = new ConcurrentHashMap<>();
  final AtomicInteger closed = new AtomicInteger();

  /** An image this factory serves, ready after {@code loadMillis}. */
  static String image(long loadMillis) {
    return IMAGE + loadMillis;
  }

  int count(String service) {
    return requests.computeIfAbsent(service, s -> new AtomicInteger()).get();
  }

  @Override
  public Optional<ServiceBackend> create(BackendContext context) {
    JsonNode image = context.serviceConfig().path("containers").path(0).path("image");
    if (!image.asText().startsWith(IMAGE)) {
      return Optional.empty();
    }
    contexts.put(context.serviceName() + "#" + context.replicaIndex(), context);
    Duration load = Duration.ofMillis(Long.parseLong(image.asText().substring(IMAGE.length())));
    return Optional.of(new Who(context, load));
  }

  private final class Who implements ServiceBackend {
    private final BackendContext context;
    private final Duration load;

    Who(BackendContext context, Duration load) {
      this.context = context;
      this.load = load;
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request, String subPath) {
      requests.computeIfAbsent(context.serviceName(), s -> new AtomicInteger()).incrementAndGet();
      String body =
          EasCalls.JSON
              .createObjectNode()
              .put("service", context.serviceName())
              .put("version", context.version())
              .put("replica", context.replicaIndex())
              .put("path", subPath)
              .put("uri", request.uri())
              .toString();
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.OK,
              Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
      ctx.writeAndFlush(response);
    }

    @Override
    public Duration loadTime() {
      return load;
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
