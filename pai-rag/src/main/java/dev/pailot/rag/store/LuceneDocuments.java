package dev.pailot.rag.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** How {@link LuceneVectorStore} maps chunks, filters and text queries to Lucene. */
final class LuceneDocuments {
  static final String ID = "id";
  static final String DOCUMENT = "document";
  static final String TEXT = "text";
  static final String VECTOR = "vector";

  /** Metadata keys become fields with this prefix, so they never collide with the fields above. */
  static final String META = "meta.";

  private LuceneDocuments() {}

  /**
   * The Lucene document for a chunk. Both similarities are indexed as Lucene's dot product: cosine
   * vectors are normalized first, which is what Lucene's own cosine would compute, minus the norms.
   */
  static Document toDocument(StoredChunk chunk, float[] preparedVector) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
    doc.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.YES));
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new KnnFloatVectorField(VECTOR, preparedVector, VectorSimilarityFunction.DOT_PRODUCT));
    for (Map.Entry<String, String> m : chunk.metadata().entrySet()) {
      doc.add(new StringField(META + m.getKey(), m.getValue(), Field.Store.YES));
    }
    return doc;
  }

  static SearchHit toHit(Document doc, float score, int rank) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(META)) {
        metadata.put(f.name().substring(META.length()), f.stringValue());
      }
    }
    return SearchHit.builder()
        .chunkId(doc.get(ID))
        .documentId(doc.get(DOCUMENT))
        .text(doc.get(TEXT))
        .metadata(metadata)
        .score(score)
        .rank(rank)
        .build();
  }

  /** Lucene's dot-product score is {@code (1 + dot) / 2}; the contract reports the dot itself. */
  static float similarity(float luceneScore) {
    return 2 * luceneScore - 1;
  }

  /** The filter as a Lucene query, or {@code null} when it matches everything. */
  static Query filterQuery(MetadataFilter filter) {
    if (filter.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Set<String>> c : filter.conditions().entrySet()) {
      List<BytesRef> values = new ArrayList<>();
      c.getValue().forEach(v -> values.add(new BytesRef(v)));
      b.add(new TermInSetQuery(META + c.getKey(), values), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * A BM25 query: every distinct analyzed term of {@code text} as an optional clause, plus the
   * filter. {@code null} when the text has no terms.
   */
  static Query textQuery(Analyzer analyzer, String text, MetadataFilter filter) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount() - 1) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    terms.forEach(t -> should.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
    Query filterQuery = filterQuery(filter);
    if (filterQuery == null) {
      return should.build();
    }
    return new BooleanQuery.Builder()
        .add(should.build(), BooleanClause.Occur.MUST)
        .add(filterQuery, BooleanClause.Occur.FILTER)
        .build();
  }
}
