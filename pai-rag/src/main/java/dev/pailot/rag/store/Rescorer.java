package dev.pailot.rag.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/**
 * Re-scores graph candidates with the full-precision vectors, which a quantized index keeps on disk
 * beside the quantized ones: the approximate scores only choose the candidates, the exact ones rank
 * them.
 */
final class Rescorer {
  private Rescorer() {}

  /**
   * The candidates with exact similarities as scores, best first. {@code query} is prepared (unit
   * length for cosine).
   */
  static ScoreDoc[] rescore(IndexReader reader, String field, float[] query, ScoreDoc[] candidates)
      throws IOException {
    ScoreDoc[] byDoc = candidates.clone();
    // Vector values iterate forwards only: visit the candidates in doc id order, leaf by leaf.
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    FloatVectorValues values = null;
    LeafReaderContext leaf = null;
    for (ScoreDoc d : byDoc) {
      int li = ReaderUtil.subIndex(d.doc, leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        values = leaf.reader().getFloatVectorValues(field);
      }
      int target = d.doc - leaf.docBase;
      if (values != null && values.docID() <= target && values.advance(target) == target) {
        d.score = Vectors.dot(query, values.vectorValue());
      } else {
        d.score = Float.NEGATIVE_INFINITY; // cannot happen: candidates come from this field
      }
    }
    Arrays.sort(
        byDoc,
        Comparator.comparingDouble((ScoreDoc d) -> d.score)
            .reversed()
            .thenComparingInt(d -> d.doc));
    return byDoc;
  }
}
