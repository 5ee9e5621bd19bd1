package dev.pailot.rag.store;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded default store: a Lucene index on local disk with an HNSW graph over the vectors
 * (float or int8 scalar-quantized), metadata as exact-match fields for filtered kNN, and the chunk
 * text indexed for BM25 {@link LexicalSearch}.
 *
 * <pre>{@code
 * try (LuceneVectorStore store = LuceneVectorStore.open(config)) {
 *   store.upsert(chunks);
 *   List<SearchHit> hits = store.search(VectorQuery.of(queryVector, 20));
 *   List<SearchHit> keyword = store.searchText("blue-green release", 20);
 * }
 * }</pre>
 *
 * <p>Writes are visible to searches when {@link #upsert} or {@link #deleteDocument} returns (a
 * near-real-time reader is refreshed) and durable when they return if {@link
 * LuceneStoreConfig#commitEachWrite()} is on (else after {@link #commit()} or {@link #close()}).
 * Opening the same path again finds everything committed. One process may open a path at a time
 * (Lucene's write lock).
 *
 * <p>Thread-safe: any number of threads may search while others write; a search sees each chunk
 * either before or after a write. The caller closes the store, which commits and releases the files
 * and the merge threads.
 */
public final class LuceneVectorStore implements VectorStore, LexicalSearch {
  private static final String SIMILARITY_KEY = "pailot.similarity";

  private final LuceneStoreConfig config;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final ExecutorService mergeExec;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private LuceneVectorStore(
      LuceneStoreConfig config, Directory directory, IndexWriter writer, ExecutorService exec)
      throws IOException {
    this.config = config;
    this.directory = directory;
    this.writer = writer;
    this.mergeExec = exec;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the index at {@link LuceneStoreConfig#path()}, creating it if missing.
   *
   * @param config the settings
   * @return the open store; close it
   * @throws ValidationException if the index was created with another similarity
   * @throws PaiException if the directory cannot be opened (e.g. another process holds it)
   */
  public static LuceneVectorStore open(LuceneStoreConfig config) {
    ExecutorService exec = config.mergeWorkers() > 1 ? mergePool(config.mergeWorkers()) : null;
    Directory dir = null;
    IndexWriter writer = null;
    try {
      dir = FSDirectory.open(config.path());
      IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer());
      iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      iwc.setCodec(LuceneCodec.of(config, exec));
      iwc.setRAMBufferSizeMB(config.ramBufferMb());
      ConcurrentMergeScheduler cms = new ConcurrentMergeScheduler();
      cms.setMaxMergesAndThreads(4, Math.max(1, config.mergeWorkers()));
      iwc.setMergeScheduler(cms);
      writer = new IndexWriter(dir, iwc);
      checkSimilarity(config, writer);
      writer.setLiveCommitData(Map.of(SIMILARITY_KEY, config.similarity().name()).entrySet());
      return new LuceneVectorStore(config, dir, writer, exec);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer, dir, exec);
      if (e instanceof PaiException p) {
        throw p;
      }
      throw failure("open", config, e);
    }
  }

  @Override
  public void upsert(List<StoredChunk> chunks) {
    write(
        "upsert",
        () -> {
          checkDimensions(chunks);
          for (StoredChunk chunk : chunks) {
            float[] v = Vectors.prepare(config.similarity(), chunk.vector(), "chunk " + chunk.id());
            writer.updateDocument(
                new Term(LuceneDocuments.ID, chunk.id()), LuceneDocuments.toDocument(chunk, v));
          }
        });
  }

  @Override
  public void deleteDocument(String documentId) {
    write(
        "deleteDocument",
        () -> writer.deleteDocuments(new Term(LuceneDocuments.DOCUMENT, documentId)));
  }

  @Override
  public List<SearchHit> search(VectorQuery query) {
    float[] q = Vectors.prepare(config.similarity(), query.vector(), "query");
    Query filter = LuceneDocuments.filterQuery(query.filter().orElse(MetadataFilter.none()));
    int k = Math.max(query.topK(), config.numCandidates());
    IndexSearcher searcher = acquire();
    try {
      if (searcher.getIndexReader().numDocs() == 0) {
        return List.of();
      }
      TopDocs top =
          searcher.search(new KnnFloatVectorQuery(LuceneDocuments.VECTOR, q, k, filter), k);
      ScoreDoc[] docs = top.scoreDocs;
      if (config.rescore()) {
        docs = Rescorer.rescore(searcher.getIndexReader(), LuceneDocuments.VECTOR, q, docs);
      } else {
        for (ScoreDoc d : docs) {
          d.score = LuceneDocuments.similarity(d.score);
        }
      }
      List<SearchHit> hits = new ArrayList<>(Math.min(query.topK(), docs.length));
      for (int i = 0; i < docs.length && i < query.topK(); i++) {
        hits.add(
            LuceneDocuments.toHit(
                searcher.storedFields().document(docs[i].doc), docs[i].score, i + 1));
      }
      return hits;
    } catch (IllegalArgumentException e) {
      throw ValidationException.invalidField(
          "vector", String.valueOf(e.getMessage()), "use the store's embedding model for queries");
    } catch (IOException e) {
      throw failure("search", config, e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public List<SearchHit> searchText(String text, int topK, MetadataFilter filter) {
    if (topK < 1) {
      throw ValidationException.invalidField("topK", topK + " is below 1", "ask for at least 1");
    }
    Query query = LuceneDocuments.textQuery(analyzer, text, filter);
    if (query == null) {
      return List.of();
    }
    IndexSearcher searcher = acquire();
    try {
      ScoreDoc[] docs = searcher.search(query, topK).scoreDocs;
      List<SearchHit> hits = new ArrayList<>(docs.length);
      for (ScoreDoc d : docs) {
        hits.add(
            LuceneDocuments.toHit(
                searcher.storedFields().document(d.doc), d.score, hits.size() + 1));
      }
      return hits;
    } catch (IOException e) {
      throw failure("searchText", config, e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public long count() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  @Override
  public VectorSimilarity similarity() {
    return config.similarity();
  }

  /**
   * Makes every write so far durable and visible to searches. Needed only with {@link
   * LuceneStoreConfig#commitEachWrite()} or {@link LuceneStoreConfig#refreshEachWrite()} off.
   *
   * @throws PaiException if the index cannot be written
   */
  public void commit() {
    synchronized (writeLock) {
      ensureOpen();
      try {
        writer.commit();
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        throw failure("commit", config, e);
      }
    }
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits. One segment means
   * one HNSW graph per search instead of one per segment: faster searches after a bulk load. Slow
   * (the graph is rebuilt); blocks until done.
   *
   * @param maxSegments the segment count to reach, at least 1
   * @throws PaiException if the index cannot be written
   */
  public void forceMerge(int maxSegments) {
    synchronized (writeLock) {
      ensureOpen();
      try {
        writer.forceMerge(maxSegments);
        writer.commit();
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        throw failure("forceMerge", config, e);
      }
    }
  }

  /**
   * Commits pending writes and releases the index files and merge threads. Idempotent.
   *
   * @throws PaiException if the final commit fails (the files are released all the same)
   */
  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      IOException failed = null;
      try {
        searchers.close();
        writer.close();
      } catch (IOException e) {
        failed = e;
      } finally {
        closeQuietly(null, directory, mergeExec);
      }
      if (failed != null) {
        throw failure("close", config, failed);
      }
    }
  }

  @Override
  public String toString() {
    return "LuceneVectorStore{path="
        + config.path()
        + ", similarity="
        + config.similarity()
        + ", precision="
        + config.precision()
        + ", closed="
        + closed
        + "}";
  }

  private interface IndexWrite {
    void run() throws IOException;
  }

  /**
   * Writes that refresh or commit are serialized, so that a refresh never publishes half of another
   * thread's batch; bulk-load writes (neither) run in parallel.
   */
  private void write(String operation, IndexWrite change) {
    if (config.refreshEachWrite() || config.commitEachWrite()) {
      synchronized (writeLock) {
        writeNow(operation, change);
      }
    } else {
      writeNow(operation, change);
    }
  }

  private void writeNow(String operation, IndexWrite change) {
    ensureOpen();
    try {
      change.run();
      if (config.commitEachWrite()) {
        writer.commit();
      }
      if (config.refreshEachWrite()) {
        searchers.maybeRefreshBlocking();
      }
    } catch (IllegalArgumentException e) {
      // Lucene rejects a vector whose dimension differs from the field's.
      throw ValidationException.invalidField(
          "vector", String.valueOf(e.getMessage()), "use one embedding model per store");
    } catch (IOException e) {
      throw failure(operation, config, e);
    }
  }

  /** Checks the whole batch first, so a bad chunk does not leave half a batch written. */
  private void checkDimensions(List<StoredChunk> chunks) {
    if (chunks.isEmpty()) {
      return;
    }
    int expected;
    IndexSearcher searcher = acquire();
    try {
      FieldInfo info =
          FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
              .fieldInfo(LuceneDocuments.VECTOR);
      expected = info == null ? chunks.get(0).vector().length : info.getVectorDimension();
    } finally {
      release(searcher);
    }
    for (StoredChunk chunk : chunks) {
      int length = chunk.vector().length;
      if (length != expected) {
        throw ValidationException.invalidField(
            "vector",
            "chunk " + chunk.id() + " has dimension " + length + " but the store holds " + expected,
            "use one embedding model per store");
      }
    }
  }

  private IndexSearcher acquire() {
    ensureOpen();
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw failure("search", config, e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw closedException();
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw failure("search", config, e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private IllegalStateException closedException() {
    return new IllegalStateException(
        "LuceneVectorStore at " + config.path() + " is closed; open it again");
  }

  private static void checkSimilarity(LuceneStoreConfig config, IndexWriter writer) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(SIMILARITY_KEY) && !e.getValue().equals(config.similarity().name())) {
        throw ValidationException.invalidField(
            "similarity",
            "is "
                + config.similarity()
                + " but the index at "
                + config.path()
                + " uses "
                + e.getValue(),
            "open it with VectorSimilarity." + e.getValue() + " or use a new path");
      }
    }
  }

  private static PaiException failure(String operation, LuceneStoreConfig config, Exception e) {
    return new PaiException(
        "Lucene store "
            + operation
            + " failed at "
            + config.path()
            + ": "
            + e.getMessage()
            + ". Check that the directory is writable and not opened by another process.",
        null,
        e);
  }

  private static ExecutorService mergePool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "pailot-lucene-merge-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static void closeQuietly(IndexWriter writer, Directory dir, ExecutorService exec) {
    try {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException ignored) {
      // already failing; the caller reports the first failure
    }
    try {
      if (dir != null) {
        dir.close();
      }
    } catch (IOException ignored) {
      // nothing left to release
    }
    if (exec != null) {
      exec.shutdownNow();
    }
  }
}
