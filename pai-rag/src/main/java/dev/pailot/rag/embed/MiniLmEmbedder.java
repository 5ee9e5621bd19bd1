package dev.pailot.rag.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (384 dimensions) in-process through ONNX Runtime, from langchain4j's embedding
 * module: the model and its tokenizer ship inside the jar, nothing is downloaded at run time.
 * Loading takes about a second; share one instance. Thread-safe: ONNX Runtime sessions accept
 * concurrent calls, and each call runs on the calling thread.
 *
 * <p>Tokens are counted with the BERT uncased WordPiece tokenizer that langchain4j ships (the
 * vocabulary MiniLM was trained with). The model reads at most 256 word pieces per text (longer
 * texts are split and averaged by langchain4j), so keep chunks below that.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final int DIMENSION = 384;

  private final AllMiniLmL6V2EmbeddingModel model;
  private final HuggingFaceTokenCountEstimator tokenizer;

  private MiniLmEmbedder() {
    // DJL (which loads the tokenizer's native library) otherwise probes the EC2 metadata service
    // for usage tracking; an SDK must not make network calls nobody asked for.
    if (System.getProperty("OPT_OUT_TRACKING") == null
        && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    // Runnable::run: batches run on the caller's thread, never on langchain4j's own pool.
    this.model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
    this.tokenizer = new HuggingFaceTokenCountEstimator();
  }

  /**
   * Loads the model (about a second, from the jar).
   *
   * @return the embedder
   */
  public static MiniLmEmbedder create() {
    return new MiniLmEmbedder();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    texts.forEach(t -> segments.add(TextSegment.from(t.isBlank() ? " " : t)));
    List<float[]> out = new ArrayList<>(texts.size());
    model.embedAll(segments).content().forEach(e -> out.add(e.vector()));
    return out;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String name() {
    return "all-minilm-l6-v2";
  }

  @Override
  public TokenCounter tokenCounter() {
    return text -> text.isBlank() ? 0 : tokenizer.estimateTokenCountInText(text);
  }

  @Override
  public String toString() {
    return "MiniLmEmbedder{all-minilm-l6-v2, 384}";
  }
}
