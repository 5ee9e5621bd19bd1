package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/embeddings} (OpenAI shape) and {@code POST /v1/rerank} (Jina/vLLM shape). The
 * answer is computed at once, then written when the {@link PoolingDevice} would have finished the
 * call, by a task scheduled on the event loop: real latency, no blocked thread.
 */
final class PoolingEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineConfig config;
  private final EngineMetrics metrics;
  private final PoolingDevice device;
  private final EmbeddingModel embeddings;
  private final RerankModel reranker = new RerankModel();

  PoolingEndpoints(EngineConfig config, EngineMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.device =
        new PoolingDevice(
            config.profile().poolingCallMicros(), config.profile().poolingItemMicros());
    this.embeddings = new EmbeddingModel(config.embeddingDimension(), config.seed());
  }

  void embed(ChannelHandlerContext ctx, JsonNode body, boolean keepAlive) {
    checkModel(body);
    List<String> inputs = inputs(body.path("input"));
    int dims = body.path("dimensions").asInt(embeddings.dimension());
    if (dims < 1 || dims > embeddings.dimension()) {
      throw ApiError.badRequest(
          "dimensions must be between 1 and " + embeddings.dimension() + ".", "dimensions");
    }
    boolean base64 = "base64".equals(body.path("encoding_format").asText("float"));
    ObjectNode root = head("embd-", "list");
    ArrayNode data = root.putArray("data");
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      float[] v = EmbeddingModel.truncate(embeddings.embed(inputs.get(i)), dims);
      ObjectNode item = data.addObject().put("index", i).put("object", "embedding");
      if (base64) {
        item.put("embedding", base64(v));
      } else {
        ArrayNode a = item.putArray("embedding");
        for (float x : v) {
          a.add(x);
        }
      }
      tokens += TokenEstimate.of(inputs.get(i));
    }
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    answerLater(ctx, root, inputs.size(), tokens, keepAlive);
  }

  void rerank(ChannelHandlerContext ctx, JsonNode body, boolean keepAlive) {
    checkModel(body);
    if (!body.path("query").isTextual()) {
      throw ApiError.badRequest("query must be a string.", "query");
    }
    String query = body.path("query").asText();
    List<String> docs = documents(body.path("documents"));
    int topN = body.path("top_n").asInt(docs.size());
    boolean withDocs = body.path("return_documents").asBoolean(true);
    List<ObjectNode> results = new ArrayList<>();
    int tokens = 0;
    for (int i = 0; i < docs.size(); i++) {
      ObjectNode r = JSON.createObjectNode().put("index", i);
      if (withDocs) {
        r.putObject("document").put("text", docs.get(i));
      }
      r.put("relevance_score", reranker.score(query, docs.get(i)));
      results.add(r);
      tokens += TokenEstimate.of(query) + TokenEstimate.of(docs.get(i));
    }
    results.sort(
        Comparator.comparingDouble((ObjectNode r) -> r.path("relevance_score").asDouble())
            .reversed());
    ObjectNode root = head("rerank-", null);
    root.putObject("usage").put("total_tokens", tokens);
    root.putArray("results").addAll(results.subList(0, Math.max(0, Math.min(topN, docs.size()))));
    answerLater(ctx, root, docs.size(), tokens, keepAlive);
  }

  private void answerLater(
      ChannelHandlerContext ctx, ObjectNode root, int items, int tokens, boolean keepAlive) {
    byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
    long arrival = System.nanoTime();
    long done = device.reserve(items, arrival);
    gauges();
    ctx.executor()
        .schedule(
            () -> {
              device.completed();
              metrics.pooled(tokens, arrival, System.nanoTime());
              gauges();
              if (ctx.channel().isActive()) {
                HttpReplies.json(ctx, 200, body, keepAlive);
              }
            },
            done - arrival,
            TimeUnit.NANOSECONDS);
  }

  private void gauges() {
    int n = device.inFlight();
    metrics.gauges(Math.min(n, 1), Math.max(0, n - 1), 0);
  }

  private ObjectNode head(String idPrefix, String object) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", idPrefix + UUID.randomUUID().toString().replace("-", ""));
    if (object != null) {
      root.put("object", object);
    }
    root.put("created", System.currentTimeMillis() / 1000);
    root.put("model", config.servedModelName());
    return root;
  }

  private void checkModel(JsonNode body) {
    JsonNode model = body.path("model");
    if (model.isTextual() && !model.asText().equals(config.servedModelName())) {
      throw ApiError.notFound("The model `" + model.asText() + "` does not exist.");
    }
  }

  private static List<String> inputs(JsonNode input) {
    List<String> out = new ArrayList<>();
    if (input.isTextual()) {
      out.add(input.asText());
    } else if (input.isArray() && !input.isEmpty() && input.get(0).isIntegralNumber()) {
      out.add(input.toString());
    } else if (input.isArray()) {
      input.forEach(i -> out.add(i.isTextual() ? i.asText() : i.toString()));
    }
    if (out.isEmpty()) {
      throw ApiError.badRequest("input must be a non-empty string or list.", "input");
    }
    return out;
  }

  private static List<String> documents(JsonNode documents) {
    if (!documents.isArray() || documents.isEmpty()) {
      throw ApiError.badRequest("documents must be a non-empty list.", "documents");
    }
    List<String> out = new ArrayList<>();
    documents.forEach(d -> out.add(d.isTextual() ? d.asText() : d.path("text").asText("")));
    return out;
  }

  private static String base64(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }
}
