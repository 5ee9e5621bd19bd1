package dev.pailot.rag.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.store.internal.DashVectorFilter;
import dev.pailot.rag.store.internal.DashVectorHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link VectorStore} on Alibaba Cloud DashVector, the managed vector database, through its HTTP
 * API (OkHttp + Jackson; DashVector's own Java SDK speaks gRPC and brings its stack along).
 *
 * <pre>{@code
 * try (DashVectorStore store = DashVectorStore.open(config)) {
 *   store.createCollection(384, Set.of("lang"));   // once; or create it in the console
 *   store.upsert(chunks);
 *   List<SearchHit> hits = store.search(VectorQuery.of(queryVector, 20));
 * }
 * }</pre>
 *
 * <p>Each chunk is a DashVector doc: its id, its vector, and fields {@value #TEXT_FIELD} (the
 * text), {@value #DOCUMENT_FIELD} (the document id) and one string field per metadata key.
 * Filtering needs the field in the collection's schema: {@link #createCollection(int, Set)}
 * declares {@value #DOCUMENT_FIELD} and the keys you name. {@link #deleteDocument(String)} queries
 * the document's chunk ids by filter and deletes them by id (DashVector deletes by id only). Scores
 * are converted to the contract's similarity: DashVector reports a cosine collection's score as the
 * distance {@code 1 - cosine}.
 *
 * <p>Thread-safe. Writes follow DashVector's consistency (searchable within about a second).
 * Throttled and transient failures are retried with backoff; errors map to {@link
 * dev.pailot.core.error} types. The API key never appears in logs, messages or {@link #toString()}.
 * Closing releases the HTTP client, not the collection.
 */
public final class DashVectorStore implements VectorStore {
  /** Field holding the chunk text. */
  public static final String TEXT_FIELD = "pailot_text";

  /** Field holding the document id. */
  public static final String DOCUMENT_FIELD = "pailot_document";

  private static final int MAX_TOP_K = 1024;

  private final DashVectorConfig config;
  private final DashVectorHttp http;
  private final String collectionPath;
  private volatile int dimension;

  private DashVectorStore(DashVectorConfig config) {
    this.config = config;
    this.http =
        new DashVectorHttp(
            config.endpoint(), config.apiKey(), config.callTimeout(), config.maxRetries());
    this.collectionPath = "/v1/collections/" + config.collection();
  }

  /**
   * A store on an existing collection (or one to create with {@link #createCollection}). No call is
   * made until the first operation.
   *
   * @param config endpoint, key and collection
   * @return the store; close it
   */
  public static DashVectorStore open(DashVectorConfig config) {
    return new DashVectorStore(config);
  }

  /**
   * Creates the collection with the store's metric, {@code dimension}, and string fields for the
   * document id and the given metadata keys (only those can be filtered on).
   *
   * @param dimension the embedding dimension
   * @param filterableKeys metadata keys to declare in the schema
   * @throws dev.pailot.core.error.PaiException if DashVector refuses (e.g. the name is taken)
   */
  public void createCollection(int dimension, Set<String> filterableKeys) {
    ObjectNode body = http.mapper().createObjectNode();
    body.put("name", config.collection());
    body.put("dimension", dimension);
    body.put("metric", metric());
    body.put("dtype", "FLOAT");
    ObjectNode schema = body.putObject("fields_schema");
    schema.put(DOCUMENT_FIELD, "STRING");
    filterableKeys.forEach(k -> schema.put(DashVectorFilter.field(k), "STRING"));
    http.call("POST", "/v1/collections", body, "createCollection");
  }

  @Override
  public void upsert(List<StoredChunk> chunks) {
    if (chunks.isEmpty()) {
      return;
    }
    int expected = dimension();
    ArrayNode docs = http.mapper().createArrayNode();
    for (StoredChunk chunk : chunks) {
      float[] v = chunk.vector();
      if (v.length != expected) {
        throw ValidationException.invalidField(
            "vector",
            "chunk "
                + chunk.id()
                + " has dimension "
                + v.length
                + " but the collection has "
                + expected,
            "use the collection's embedding model");
      }
      docs.add(doc(chunk, v));
    }
    for (int from = 0; from < docs.size(); from += config.batchSize()) {
      ObjectNode body = http.mapper().createObjectNode();
      ArrayNode batch = body.putArray("docs");
      for (int i = from; i < Math.min(docs.size(), from + config.batchSize()); i++) {
        batch.add(docs.get(i));
      }
      checkDocResults("upsert", http.call("POST", collectionPath + "/docs/upsert", body, "upsert"));
    }
  }

  @Override
  public void deleteDocument(String documentId) {
    String filter = DOCUMENT_FIELD + " = " + DashVectorFilter.literal(documentId);
    Set<String> deleted = new HashSet<>();
    while (true) {
      ObjectNode query = http.mapper().createObjectNode();
      query.put("filter", filter);
      query.put("topk", MAX_TOP_K);
      query.put("include_vector", false);
      query.putArray("output_fields").add(DOCUMENT_FIELD);
      JsonNode found = http.call("POST", collectionPath + "/query", query, "deleteDocument");
      ArrayNode ids = http.mapper().createArrayNode();
      for (JsonNode doc : found) {
        if (deleted.add(doc.path("id").asText())) {
          ids.add(doc.path("id").asText());
        }
      }
      // Stop when the query shows nothing new: deletes may take a moment to leave the index.
      if (ids.isEmpty()) {
        return;
      }
      ObjectNode body = http.mapper().createObjectNode();
      body.set("ids", ids);
      checkDocResults("delete", http.call("DELETE", collectionPath + "/docs", body, "delete"));
    }
  }

  @Override
  public List<SearchHit> search(VectorQuery query) {
    float[] v = query.vector();
    int expected = dimension();
    if (v.length != expected) {
      throw ValidationException.invalidField(
          "vector",
          "query has dimension " + v.length + " but the collection has " + expected,
          "use the collection's embedding model");
    }
    if (config.similarity() == VectorSimilarity.DOT_PRODUCT) {
      Vectors.prepare(VectorSimilarity.DOT_PRODUCT, v, "query");
    }
    ObjectNode body = http.mapper().createObjectNode();
    ArrayNode vector = body.putArray("vector");
    for (float f : v) {
      vector.add(f);
    }
    body.put("topk", Math.min(query.topK(), MAX_TOP_K));
    body.put("include_vector", false);
    query.filter().filter(f -> !f.isEmpty()).ifPresent(f -> body.put("filter", filter(f)));
    JsonNode output = http.call("POST", collectionPath + "/query", body, "query");
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode doc : output) {
      hits.add(hit(doc, hits.size() + 1));
    }
    return hits;
  }

  @Override
  public long count() {
    return http.call("GET", collectionPath + "/stats", null, "stats")
        .path("total_doc_count")
        .asLong();
  }

  @Override
  public VectorSimilarity similarity() {
    return config.similarity();
  }

  /** Releases the HTTP client; the collection and its data stay. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "DashVectorStore{endpoint="
        + config.endpoint()
        + ", collection="
        + config.collection()
        + ", similarity="
        + config.similarity()
        + "}";
  }

  private String metric() {
    return config.similarity() == VectorSimilarity.COSINE ? "cosine" : "dotproduct";
  }

  /** The collection's dimension, read once; also checks that its metric is the configured one. */
  private int dimension() {
    int d = dimension;
    if (d == 0) {
      JsonNode meta = http.call("GET", collectionPath, null, "describeCollection");
      String metric = meta.path("metric").asText();
      if (!metric.equalsIgnoreCase(metric())) {
        throw ValidationException.invalidField(
            "similarity",
            config.similarity()
                + " does not match collection "
                + config.collection()
                + "'s metric \""
                + metric
                + "\"",
            "configure the similarity that matches the collection's metric");
      }
      d = meta.path("dimension").asInt();
      dimension = d;
    }
    return d;
  }

  private ObjectNode doc(StoredChunk chunk, float[] v) {
    if (config.similarity() == VectorSimilarity.DOT_PRODUCT) {
      Vectors.prepare(VectorSimilarity.DOT_PRODUCT, v, "chunk " + chunk.id());
    }
    DashVectorFilter.literal(chunk.documentId()); // deleteDocument must be able to filter on it
    ObjectNode doc = http.mapper().createObjectNode();
    doc.put("id", chunk.id());
    ArrayNode vector = doc.putArray("vector");
    for (float f : v) {
      vector.add(f);
    }
    ObjectNode fields = doc.putObject("fields");
    fields.put(TEXT_FIELD, chunk.text());
    fields.put(DOCUMENT_FIELD, chunk.documentId());
    for (Map.Entry<String, String> m : chunk.metadata().entrySet()) {
      if (m.getKey().equals(TEXT_FIELD) || m.getKey().equals(DOCUMENT_FIELD)) {
        throw ValidationException.invalidField(
            "metadata", "key \"" + m.getKey() + "\" is reserved by the store", "rename it");
      }
      fields.put(DashVectorFilter.field(m.getKey()), m.getValue());
    }
    return doc;
  }

  private SearchHit hit(JsonNode doc, int rank) {
    Map<String, String> metadata = new LinkedHashMap<>();
    String text = "";
    String documentId = "";
    for (Map.Entry<String, JsonNode> f : doc.path("fields").properties()) {
      if (f.getValue().isNull()) {
        continue;
      }
      switch (f.getKey()) {
        case TEXT_FIELD -> text = f.getValue().asText();
        case DOCUMENT_FIELD -> documentId = f.getValue().asText();
        default -> metadata.put(f.getKey(), f.getValue().asText());
      }
    }
    float score = (float) doc.path("score").asDouble();
    return SearchHit.builder()
        .chunkId(doc.path("id").asText())
        .documentId(documentId)
        .text(text)
        .metadata(metadata)
        .score(config.similarity() == VectorSimilarity.COSINE ? 1 - score : score)
        .rank(rank)
        .build();
  }

  private static String filter(MetadataFilter filter) {
    return DashVectorFilter.of(filter.conditions());
  }

  private static void checkDocResults(String action, JsonNode output) {
    for (JsonNode r : output) {
      if (r.path("code").asInt(0) != 0) {
        throw new PaiException(
            "DashVector "
                + action
                + " failed for doc "
                + r.path("id").asText()
                + ": "
                + r.path("message").asText()
                + ". Fix the doc and retry.");
      }
    }
  }
}
