package dev.pailot.serving.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer answering {@code /v1/embeddings} and {@code /v1/rerank} from the request itself:
 * text {@code t} embeds as {@code [t.length(), first char, t.hashCode()]}, and a document scores
 * its length. Data items come back in reverse index order, so routing must use the index. Batches
 * larger than {@link #maxAccepted} get HTTP 413; an input "fail" gets HTTP 500.
 */
final class FakePoolingServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final MockWebServer server = new MockWebServer();
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final AtomicInteger maxAccepted = new AtomicInteger(Integer.MAX_VALUE);

  FakePoolingServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              JsonNode body = JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
              bodies.add(body);
              return answer(request.getUrl().encodedPath(), body);
            } catch (IOException e) {
              return json(400, "{\"error\":{\"message\":\"bad json\"}}");
            }
          }
        });
    server.start();
  }

  String endpoint() {
    return server.url("/api/predict/pool").toString();
  }

  private MockResponse answer(String path, JsonNode body) {
    boolean embed = path.endsWith("/v1/embeddings");
    JsonNode items = embed ? body.get("input") : body.get("documents");
    if (items.size() > maxAccepted.get()) {
      return json(413, "{\"error\":{\"message\":\"too many inputs\"}}");
    }
    for (JsonNode i : items) {
      if (i.asText().equals("fail")) {
        return json(500, "{\"error\":{\"message\":\"engine crashed\"}}");
      }
    }
    ObjectNode root = JSON.createObjectNode().put("model", "fake");
    if (embed) {
      ArrayNode data = root.putArray("data");
      for (int i = items.size() - 1; i >= 0; i--) {
        String t = items.get(i).asText();
        data.addObject()
            .put("index", i)
            .putArray("embedding")
            .add(t.length())
            .add(t.charAt(0))
            .add((float) t.hashCode());
      }
    } else {
      List<ObjectNode> results = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        results.add(
            JSON.createObjectNode()
                .put("index", i)
                .put("relevance_score", items.get(i).asText().length()));
      }
      results.sort(
          Comparator.comparingDouble((ObjectNode r) -> r.get("relevance_score").asDouble())
              .reversed());
      root.putArray("results").addAll(results);
    }
    return json(200, root.toString());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
