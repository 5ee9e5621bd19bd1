package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One replica of an emulated LLM, embedding or rerank service: routes the OpenAI-compatible paths
 * to the engine or the pooling model, and answers {@code /health}, {@code /metrics} and {@code
 * /v1/models}. A replica whose configuration vLLM would refuse (weights or one sequence do not fit)
 * answers every request with 503 and the reason vLLM would log. Runs on event loops, never blocks.
 */
final class EngineBackend implements ServiceBackend {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] NOT_FOUND =
      "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_ALLOWED =
      "{\"detail\":\"Method Not Allowed\"}".getBytes(StandardCharsets.UTF_8);

  private final EngineConfig config;
  private final EngineMetrics metrics;
  private final Duration loadTime;
  private final String startupError;
  private final LlmEngine engine;
  private final LlmEndpoints llm;
  private final PoolingEndpoints pooling;
  private volatile boolean closed;

  EngineBackend(EngineConfig config, Duration minute, String threadName) {
    this.config = config;
    this.metrics = new EngineMetrics(config.servedModelName());
    this.loadTime = config.loadTime(minute);
    this.startupError = config.startupError().orElse(null);
    boolean generates = config.kind().generates() && startupError == null;
    this.engine = generates ? new LlmEngine(config, metrics, threadName) : null;
    this.llm = generates ? new LlmEndpoints(config, engine) : null;
    this.pooling = config.kind().generates() ? null : new PoolingEndpoints(config, metrics);
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request, String subPath) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    try {
      if (startupError != null) {
        throw ApiError.unavailable(startupError);
      }
      if (closed) {
        throw ApiError.unavailable("The replica has stopped.");
      }
      route(ctx, request, path(subPath), keepAlive);
    } catch (ApiError e) {
      HttpReplies.error(ctx, e, keepAlive);
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, String path, boolean ka) {
    boolean get = request.method().equals(HttpMethod.GET);
    boolean post = request.method().equals(HttpMethod.POST);
    switch (path) {
      case "/health":
        HttpReplies.send(ctx, 200, HttpReplies.JSON, new byte[0], ka);
        return;
      case "/metrics":
        HttpReplies.text(ctx, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(metrics), ka);
        return;
      case "/v1/models":
        HttpReplies.json(ctx, 200, ModelList.of(config), ka);
        return;
      default:
        break;
    }
    Endpoint endpoint = endpoint(path);
    if (endpoint == null) {
      HttpReplies.json(ctx, 404, NOT_FOUND, ka);
    } else if (!post || get) {
      HttpReplies.json(ctx, 405, NOT_ALLOWED, ka);
    } else {
      serve(endpoint, ctx, request, ka);
    }
  }

  private void serve(
      Endpoint endpoint, ChannelHandlerContext ctx, FullHttpRequest request, boolean ka) {
    JsonNode body = body(request);
    switch (endpoint) {
      case CHAT:
        llm.generate(ctx, request, body, true);
        break;
      case COMPLETIONS:
        llm.generate(ctx, request, body, false);
        break;
      case EMBEDDINGS:
        pooling.embed(ctx, body, ka);
        break;
      default:
        pooling.rerank(ctx, body, ka);
    }
  }

  private enum Endpoint {
    CHAT,
    COMPLETIONS,
    EMBEDDINGS,
    RERANK
  }

  /** The endpoint a path names, or {@code null} when this kind of replica does not serve it. */
  private Endpoint endpoint(String path) {
    if (llm != null && path.equals("/v1/chat/completions")) {
      return Endpoint.CHAT;
    }
    if (llm != null && path.equals("/v1/completions")) {
      return Endpoint.COMPLETIONS;
    }
    if (config.kind() == EngineKind.EMBEDDING
        && (path.equals("/v1/embeddings") || path.equals("/embeddings"))) {
      return Endpoint.EMBEDDINGS;
    }
    if (config.kind() == EngineKind.RERANK
        && (path.equals("/v1/rerank") || path.equals("/rerank") || path.equals("/v2/rerank"))) {
      return Endpoint.RERANK;
    }
    return null;
  }

  private static String path(String subPath) {
    int q = subPath.indexOf('?');
    String p = q >= 0 ? subPath.substring(0, q) : subPath;
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static JsonNode body(FullHttpRequest request) {
    try {
      JsonNode node = JSON.readTree(new ByteBufInputStream(request.content().duplicate()));
      if (node == null || node.isMissingNode()) {
        throw ApiError.badRequest("The request body is empty; send a JSON object.", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("JSON decode error: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      throw ApiError.badRequest("JSON decode error: " + e.getMessage(), null);
    }
  }

  @Override
  public Duration loadTime() {
    return loadTime;
  }

  /** The engine's live counters, or {@code null} for pooling replicas. */
  EngineStats stats() {
    return engine == null ? null : engine.stats();
  }

  EngineConfig config() {
    return config;
  }

  @Override
  public void close() {
    closed = true;
    if (engine != null) {
      engine.close();
    }
  }
}
