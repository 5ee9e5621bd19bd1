package dev.pailot.rag.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for DashVector's documented HTTP API as a WireMock response transformer:
 * collections (create, describe, stats) and docs (upsert, delete by id, query by vector and/or
 * filter), with the {@code code}/{@code message}/{@code request_id}/{@code output} envelope, the
 * {@code dashvector-auth-token} check, cosine scores as distances ({@code 1 - cosine}, ascending)
 * and dot-product scores descending, and filters restricted to schema fields. It keeps documents,
 * so the store's contract tests exercise real upsert, query and delete semantics. Faults can be
 * queued to test retries.
 */
final class DashVectorFake implements ResponseDefinitionTransformerV2 {
  static final String NAME = "dashvector-fake";
  private static final Pattern PATH =
      Pattern.compile("/v1/collections(?:/([^/]+))?(/docs(?:/upsert)?|/query|/stats)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiKey;
  private final Map<String, Collection> collections = new HashMap<>();
  private final Deque<Integer> faults = new ArrayDeque<>();

  DashVectorFake(String apiKey) {
    this.apiKey = apiKey;
  }

  private static final class Collection {
    int dimension;
    String metric;
    JsonNode schema;
    final Map<String, ObjectNode> docs = new LinkedHashMap<>();
  }

  /** Forgets every collection and queued fault. */
  synchronized void reset() {
    collections.clear();
    faults.clear();
  }

  /** The next {@code times} requests answer with {@code status} (before touching any state). */
  synchronized void failNext(int status, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(status);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Only stubs that name this transformer are answered by the fake; others keep their body. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    if (!faults.isEmpty()) {
      int status = faults.poll();
      return envelope(status, status == 429 ? -2999 : -999, "injected fault", null);
    }
    if (!apiKey.equals(request.getHeader("dashvector-auth-token"))) {
      return envelope(401, -2001, "Invalid api-key", null);
    }
    Matcher m = PATH.matcher(request.getUrl());
    if (!m.matches()) {
      return envelope(404, -2000, "no such API", null);
    }
    try {
      JsonNode body =
          request.getBodyAsString().isBlank() ? null : JSON.readTree(request.getBodyAsString());
      String method = request.getMethod().getName();
      String name = m.group(1);
      String op = m.group(2);
      if (name == null) {
        return method.equals("POST") ? create(body) : envelope(405, -2000, "method", null);
      }
      Collection c = collections.get(name);
      if (c == null) {
        return envelope(404, -2020, "Collection doesn't exist", null);
      }
      if (op == null) {
        return describe(name, c);
      }
      return switch (method + " " + op) {
        case "POST /docs/upsert" -> upsert(c, body);
        case "DELETE /docs" -> delete(c, body);
        case "POST /query" -> query(c, body);
        case "GET /stats" -> stats(c);
        default -> envelope(405, -2000, "method not allowed", null);
      };
    } catch (IllegalArgumentException | java.io.IOException e) {
      return envelope(400, -2008, e.getMessage(), null);
    }
  }

  private ResponseDefinition create(JsonNode body) {
    String name = body.path("name").asText();
    if (collections.containsKey(name)) {
      return envelope(400, -2021, "Collection already exists", null);
    }
    Collection c = new Collection();
    c.dimension = body.path("dimension").asInt();
    c.metric = body.path("metric").asText("cosine");
    c.schema = body.path("fields_schema");
    collections.put(name, c);
    return envelope(200, 0, "Success", null);
  }

  private ResponseDefinition describe(String name, Collection c) {
    ObjectNode out = JSON.createObjectNode();
    out.put("name", name);
    out.put("dimension", c.dimension);
    out.put("dtype", "FLOAT");
    out.put("metric", c.metric);
    out.set("fields_schema", c.schema);
    out.put("status", "SERVING");
    return envelope(200, 0, "", out);
  }

  private ResponseDefinition upsert(Collection c, JsonNode body) {
    for (JsonNode doc : body.path("docs")) {
      if (doc.path("vector").size() != c.dimension) {
        throw new IllegalArgumentException("Invalid vector dimension");
      }
    }
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode doc : body.path("docs")) {
      String id = doc.path("id").asText();
      boolean existed = c.docs.put(id, (ObjectNode) doc.deepCopy()) != null;
      out.addObject()
          .put("doc_op", existed ? "update" : "insert")
          .put("id", id)
          .put("code", 0)
          .put("message", "");
    }
    return envelope(200, 0, "Success", out);
  }

  private ResponseDefinition delete(Collection c, JsonNode body) {
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode id : body.path("ids")) {
      c.docs.remove(id.asText());
      out.addObject()
          .put("doc_op", "delete")
          .put("id", id.asText())
          .put("code", 0)
          .put("message", "");
    }
    return envelope(200, 0, "Success", out);
  }

  private ResponseDefinition query(Collection c, JsonNode body) {
    List<Map.Entry<String, List<String>>> filter = FakeFilter.parse(body.path("filter").asText(""));
    for (Map.Entry<String, List<String>> cond : filter) {
      if (!c.schema.has(cond.getKey())) {
        throw new IllegalArgumentException(
            "filter field " + cond.getKey() + " is not in the schema");
      }
    }
    int topk = body.path("topk").asInt(10);
    JsonNode vector = body.get("vector");
    if (vector != null && vector.size() != c.dimension) {
      throw new IllegalArgumentException("Invalid vector dimension");
    }
    List<ObjectNode> hits = new ArrayList<>();
    for (ObjectNode doc : c.docs.values()) {
      if (!FakeFilter.matches(filter, doc.path("fields"))) {
        continue;
      }
      ObjectNode hit = JSON.createObjectNode();
      hit.put("id", doc.path("id").asText());
      hit.set("fields", doc.path("fields"));
      hit.put("score", vector == null ? 0 : score(c.metric, vector, doc.path("vector")));
      hits.add(hit);
    }
    Comparator<ObjectNode> byScore = Comparator.comparingDouble(h -> h.path("score").asDouble());
    hits.sort(c.metric.equals("cosine") ? byScore : byScore.reversed());
    ArrayNode out = JSON.createArrayNode();
    hits.stream().limit(topk).forEach(out::add);
    return envelope(200, 0, "Success", out);
  }

  private ResponseDefinition stats(Collection c) {
    ObjectNode out = JSON.createObjectNode();
    out.put("total_doc_count", String.valueOf(c.docs.size())); // a string, as documented
    out.put("index_completeness", 1.0);
    out.putObject("partitions")
        .putObject("default")
        .put("total_doc_count", String.valueOf(c.docs.size()));
    return envelope(200, 0, "Success", out);
  }

  private static double score(String metric, JsonNode q, JsonNode v) {
    double dot = 0;
    double nq = 0;
    double nv = 0;
    for (int i = 0; i < q.size(); i++) {
      dot += q.get(i).asDouble() * v.get(i).asDouble();
      nq += q.get(i).asDouble() * q.get(i).asDouble();
      nv += v.get(i).asDouble() * v.get(i).asDouble();
    }
    return metric.equals("cosine") ? 1 - dot / Math.sqrt(nq * nv) : dot;
  }

  private static ResponseDefinition envelope(int status, int code, String message, JsonNode out) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", UUID.randomUUID().toString());
    body.put("code", code);
    body.put("message", message);
    if (out != null) {
      body.set("output", out);
    }
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString())
        .build();
  }
}
