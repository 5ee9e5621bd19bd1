package dev.pailot.rag.store;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

/**
 * The default codec with the store's HNSW format on the vector field. Lucene records the format's
 * name per segment, so an index written with either precision opens with Lucene's default codec.
 */
final class LuceneCodec extends FilterCodec {
  private final KnnVectorsFormat vectors;

  private LuceneCodec(KnnVectorsFormat vectors) {
    // The delegate's name is what segments record: readers need no Pailot class on the class path.
    super(Codec.getDefault().getName(), Codec.getDefault());
    this.vectors = vectors;
  }

  /** 7 bits per dimension: Lucene's default for scalar quantization (signed bytes, fast dots). */
  private static final int QUANTIZATION_BITS = 7;

  static Codec of(LuceneStoreConfig config, ExecutorService mergeExec) {
    int workers = mergeExec == null ? 1 : config.mergeWorkers();
    KnnVectorsFormat format =
        config.precision() == VectorPrecision.INT8
            ? new Lucene99HnswScalarQuantizedVectorsFormat(
                config.maxConnections(),
                config.beamWidth(),
                workers,
                QUANTIZATION_BITS,
                false,
                null,
                mergeExec)
            : new Lucene99HnswVectorsFormat(
                config.maxConnections(), config.beamWidth(), workers, mergeExec);
    return new LuceneCodec(format);
  }

  @Override
  public KnnVectorsFormat knnVectorsFormat() {
    return new PerFieldKnnVectorsFormat() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }
}
