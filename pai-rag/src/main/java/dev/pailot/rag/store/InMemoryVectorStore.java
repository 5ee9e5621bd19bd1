package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact vector store in memory: every search compares the query with every stored chunk. Good
 * for tests, small corpora (up to some tens of thousands of chunks) and as the exact baseline that
 * approximate indexes are measured against. Nothing is persisted.
 *
 * <pre>{@code
 * try (VectorStore store = InMemoryVectorStore.create(VectorSimilarity.COSINE)) {
 *   store.upsert(chunks);
 *   List<SearchHit> hits = store.search(VectorQuery.of(queryVector, 5));
 * }
 * }</pre>
 *
 * <p>Thread-safe: searches run in parallel under a read lock, writes take the write lock, so a
 * search sees all or none of one {@link #upsert(List)}.
 */
public final class InMemoryVectorStore implements VectorStore {
  private final VectorSimilarity similarity;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Entry> chunks = new HashMap<>();
  private int dimension;
  private volatile boolean closed;

  private InMemoryVectorStore(VectorSimilarity similarity) {
    this.similarity = similarity;
  }

  /**
   * An empty store ranking by {@code similarity}. The first upserted chunk fixes the dimension.
   *
   * @param similarity cosine or dot product
   * @return the store
   */
  public static InMemoryVectorStore create(VectorSimilarity similarity) {
    if (similarity == null) {
      throw ValidationException.invalidField("similarity", "is null", "use COSINE or DOT_PRODUCT");
    }
    return new InMemoryVectorStore(similarity);
  }

  /**
   * An empty store ranking by cosine similarity.
   *
   * @return the store
   */
  public static InMemoryVectorStore create() {
    return create(VectorSimilarity.COSINE);
  }

  @Override
  public void upsert(List<StoredChunk> batch) {
    List<Entry> entries = new ArrayList<>(batch.size());
    for (StoredChunk chunk : batch) {
      entries.add(
          new Entry(
              chunk.id(),
              chunk.documentId(),
              chunk.text(),
              chunk.metadata(),
              prepare(chunk.vector(), "chunk " + chunk.id())));
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      int expected = dimension != 0 || entries.isEmpty() ? dimension : entries.get(0).vector.length;
      for (Entry e : entries) {
        checkDimension("chunk " + e.id + " vector", e.vector.length, expected);
      }
      dimension = expected;
      for (Entry e : entries) {
        chunks.put(e.id, e);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void deleteDocument(String documentId) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      chunks.values().removeIf(e -> e.documentId.equals(documentId));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<SearchHit> search(VectorQuery query) {
    float[] q = prepare(query.vector(), "query");
    MetadataFilter filter = query.filter().orElse(MetadataFilter.none());
    PriorityQueue<Scored> top =
        new PriorityQueue<>(query.topK() + 1, Comparator.comparingDouble(Scored::score));
    lock.readLock().lock();
    try {
      ensureOpen();
      if (chunks.isEmpty()) {
        return List.of();
      }
      checkDimension("query vector", q.length, dimension);
      for (Entry e : chunks.values()) {
        if (!filter.isEmpty() && !filter.matches(e.metadata)) {
          continue;
        }
        float score = Vectors.dot(q, e.vector);
        if (top.size() < query.topK()) {
          top.add(new Scored(e, score));
        } else if (score > top.peek().score) {
          top.poll();
          top.add(new Scored(e, score));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    List<Scored> best = new ArrayList<>(top);
    best.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<SearchHit> hits = new ArrayList<>(best.size());
    for (Scored s : best) {
      hits.add(
          SearchHit.builder()
              .chunkId(s.entry.id)
              .documentId(s.entry.documentId)
              .text(s.entry.text)
              .metadata(s.entry.metadata)
              .score(s.score)
              .rank(hits.size() + 1)
              .build());
    }
    return hits;
  }

  @Override
  public long count() {
    lock.readLock().lock();
    try {
      ensureOpen();
      return chunks.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public VectorSimilarity similarity() {
    return similarity;
  }

  /** Drops every chunk; the store cannot be used afterwards. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      chunks.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryVectorStore{similarity=" + similarity + ", closed=" + closed + "}";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("InMemoryVectorStore is closed; create a new store");
    }
  }

  private static void checkDimension(String what, int length, int expected) {
    if (length != expected) {
      throw ValidationException.invalidField(
          "vector",
          what + " has dimension " + length + " but the store holds " + expected,
          "use the same embedding model for chunks and queries");
    }
  }

  /** Cosine becomes a dot product of unit vectors; the vector is already a private copy. */
  private float[] prepare(float[] vector, String what) {
    return Vectors.prepare(similarity, vector, what);
  }

  /** A chunk without its {@link StoredChunk} wrapper, so the store keeps one copy of the vector. */
  private record Entry(
      String id, String documentId, String text, Map<String, String> metadata, float[] vector) {}

  private record Scored(Entry entry, float score) {}
}
