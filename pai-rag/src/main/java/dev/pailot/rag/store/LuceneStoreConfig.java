package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.nio.file.Path;
import org.immutables.value.Value;

/**
 * Settings of a {@link LuceneVectorStore}: where the index lives, how vectors are compared and
 * kept, and the HNSW graph's parameters.
 *
 * <pre>{@code
 * LuceneStoreConfig config = LuceneStoreConfig.builder()
 *     .path(Path.of("/var/lib/myapp/rag-index"))
 *     .similarity(VectorSimilarity.COSINE)
 *     .precision(VectorPrecision.INT8)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Graph parameters ({@link #maxConnections()}, {@link #beamWidth()},
 * {@link #precision()}) apply to segments written from now on; search parameters ({@link
 * #numCandidates()}, {@link #rescore()}) may change between opens.
 */
@Value.Immutable
@PailotStyle
public abstract class LuceneStoreConfig {
  /**
   * The index directory; created if missing, opened if it holds an index.
   *
   * @return the directory
   */
  public abstract Path path();

  /**
   * How vectors are compared; must stay the same for the life of an index.
   *
   * @return the similarity, {@link VectorSimilarity#COSINE} by default
   */
  @Value.Default
  public VectorSimilarity similarity() {
    return VectorSimilarity.COSINE;
  }

  /**
   * Float or int8 scalar-quantized vectors.
   *
   * @return the precision, {@link VectorPrecision#FLOAT32} by default
   */
  @Value.Default
  public VectorPrecision precision() {
    return VectorPrecision.FLOAT32;
  }

  /**
   * HNSW {@code M}: neighbours per node. More means better recall, a bigger graph, slower builds.
   *
   * @return M, 16 by default
   */
  @Value.Default
  public int maxConnections() {
    return 16;
  }

  /**
   * HNSW {@code efConstruction}: candidates considered while inserting a node.
   *
   * @return the beam width, 100 by default
   */
  @Value.Default
  public int beamWidth() {
    return 100;
  }

  /**
   * Candidates the graph search collects per query ({@code efSearch}); at least top K is used. More
   * means better recall and slower searches.
   *
   * @return the candidates, 100 by default
   */
  @Value.Default
  public int numCandidates() {
    return 100;
  }

  /**
   * Whether the candidates are re-scored with the full-precision vectors before the top K are
   * taken. Makes scores exact and recovers the recall that quantization loses; costs one vector
   * read per candidate. On by default for {@link VectorPrecision#INT8}, pointless for floats.
   *
   * @return whether to rescore
   */
  @Value.Default
  public boolean rescore() {
    return precision() == VectorPrecision.INT8;
  }

  /**
   * Threads that build the HNSW graph of a merged segment in parallel. The store owns them.
   *
   * @return merge workers, 1 by default
   */
  @Value.Default
  public int mergeWorkers() {
    return 1;
  }

  /**
   * Memory for buffered documents before Lucene writes a segment. Larger buffers mean fewer, bigger
   * segments (fewer graph merges) for bulk loads.
   *
   * @return megabytes, 64 by default
   */
  @Value.Default
  public double ramBufferMb() {
    return 64;
  }

  /**
   * Whether every {@link LuceneVectorStore#upsert} and {@link LuceneVectorStore#deleteDocument}
   * commits (durable on return). Turn off for bulk loads and call {@link
   * LuceneVectorStore#commit()} at the end; writes are searchable either way.
   *
   * @return whether each write commits, {@code true} by default
   */
  @Value.Default
  public boolean commitEachWrite() {
    return true;
  }

  /**
   * Whether every {@link LuceneVectorStore#upsert} and {@link LuceneVectorStore#deleteDocument}
   * refreshes the reader so that searches see it on return (the {@link VectorStore} contract). Turn
   * off only for bulk loads: each refresh writes a small segment that later merges rebuild HNSW
   * graphs for. With it off, writes from several threads run in parallel and become visible at
   * {@link LuceneVectorStore#commit()}.
   *
   * @return whether each write refreshes, {@code true} by default
   */
  @Value.Default
  public boolean refreshEachWrite() {
    return true;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this config.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    range("maxConnections", maxConnections(), 2, 512, "use 16 (or 32 for higher recall)");
    range("beamWidth", beamWidth(), 2, 3200, "use 100 (or 200 for higher recall)");
    range("numCandidates", numCandidates(), 1, 10_000, "use 100");
    range("mergeWorkers", mergeWorkers(), 1, 64, "use 1, or the cores free for indexing");
    if (!(ramBufferMb() >= 1 && ramBufferMb() < 2048)) {
      throw ValidationException.invalidField(
          "ramBufferMb", ramBufferMb() + " is outside [1, 2048)", "use 64, or 512 for bulk loads");
    }
  }

  private static void range(String field, int value, int min, int max, String fix) {
    if (value < min || value > max) {
      throw ValidationException.invalidField(
          field, value + " is outside [" + min + ", " + max + "]", fix);
    }
  }

  /** Builder for {@link LuceneStoreConfig}. Not thread-safe. */
  public static final class Builder extends ImmutableLuceneStoreConfig.Builder {
    Builder() {}

    /**
     * Validates and builds the config.
     *
     * @return the config
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public LuceneStoreConfig build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw StoreRules.missing("LuceneStoreConfig", e);
      }
    }
  }
}
