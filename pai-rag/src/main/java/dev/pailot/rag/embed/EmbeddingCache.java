package dev.pailot.rag.embed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded LRU cache of query embeddings, keyed by the embedder's name and the query. The pipeline
 * fills it with every query it embeds, answers exact repeats from it without calling the model, and
 * serves it as the degraded answer when the embed stage overruns or fails: then a cached vector of
 * the same query up to case, whitespace and punctuation is good enough. Thread-safe (one lock; a
 * lookup is a hash-map access).
 */
public final class EmbeddingCache {
  private final int capacity;
  private final Map<String, float[]> exact;
  private final Map<String, float[]> loose;

  private EmbeddingCache(int capacity) {
    if (capacity < 1) {
      throw dev.pailot.core.error.ValidationException.invalidField(
          "capacity", "must be at least 1", "use e.g. 10_000 entries (about 16 MB at 384 floats)");
    }
    this.capacity = capacity;
    this.exact = lru(capacity);
    this.loose = lru(capacity);
  }

  /**
   * A cache holding at most {@code capacity} queries.
   *
   * @param capacity maximum entries, at least 1
   * @return the cache
   */
  public static EmbeddingCache ofCapacity(int capacity) {
    return new EmbeddingCache(capacity);
  }

  private static Map<String, float[]> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Remembers a query's vector.
   *
   * @param embedder the embedder's name
   * @param query the query text
   * @param vector its vector (not copied: do not modify it afterwards)
   */
  public synchronized void put(String embedder, String query, float[] vector) {
    exact.put(embedder + '\u0000' + query, vector);
    loose.put(embedder + '\u0000' + loosen(query), vector);
  }

  /**
   * The vector of exactly this query, if cached.
   *
   * @param embedder the embedder's name
   * @param query the query text
   * @return the vector
   */
  public synchronized Optional<float[]> exact(String embedder, String query) {
    float[] v = exact.get(embedder + '\u0000' + query);
    if (v != null) {
      loose.get(embedder + '\u0000' + loosen(query)); // keep both orders in step
    }
    return Optional.ofNullable(v);
  }

  /**
   * The vector of a query equal to this one up to case, whitespace and punctuation, if cached.
   *
   * @param embedder the embedder's name
   * @param query the query text
   * @return the vector
   */
  public synchronized Optional<float[]> similar(String embedder, String query) {
    return Optional.ofNullable(loose.get(embedder + '\u0000' + loosen(query)));
  }

  /**
   * Entries held (exact keys).
   *
   * @return size
   */
  public synchronized int size() {
    return exact.size();
  }

  /**
   * The maximum number of entries.
   *
   * @return capacity
   */
  public int capacity() {
    return capacity;
  }

  static String loosen(String query) {
    return query.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }
}
