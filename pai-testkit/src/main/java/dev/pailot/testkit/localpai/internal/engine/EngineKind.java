package dev.pailot.testkit.localpai.internal.engine;

import java.util.Locale;
import java.util.Optional;

/** What an emulated replica serves, read from its container image or {@code metadata.type}. */
enum EngineKind {
  VLLM,
  SGLANG,
  BLADELLM,
  EMBEDDING,
  RERANK;

  /** Whether the replica generates text (and so runs the continuous-batching scheduler). */
  boolean generates() {
    return this != EMBEDDING && this != RERANK;
  }

  /**
   * The kind an image name implies. Pooling images are checked first: {@code
   * text-embeddings-inference} and {@code bge-reranker} images must not pass for LLM engines.
   */
  static Optional<EngineKind> fromImage(String image) {
    String s = image.toLowerCase(Locale.ROOT);
    if (s.contains("rerank")) {
      return Optional.of(RERANK);
    }
    if (s.contains("embedding") || s.contains("text-embeddings")) {
      return Optional.of(EMBEDDING);
    }
    if (s.contains("vllm")) {
      return Optional.of(VLLM);
    }
    if (s.contains("sglang")) {
      return Optional.of(SGLANG);
    }
    if (s.contains("blade-llm") || s.contains("bladellm")) {
      return Optional.of(BLADELLM);
    }
    return Optional.empty();
  }

  /** The kind EAS's {@code metadata.type} implies ({@code LLM}, {@code Embedding}, ...). */
  static Optional<EngineKind> fromServiceType(String type) {
    switch (type.toLowerCase(Locale.ROOT)) {
      case "llm":
      case "vllm":
        return Optional.of(VLLM);
      case "sglang":
        return Optional.of(SGLANG);
      case "bladellm":
        return Optional.of(BLADELLM);
      case "embedding":
      case "embeddings":
        return Optional.of(EMBEDDING);
      case "rerank":
      case "reranker":
        return Optional.of(RERANK);
      default:
        return Optional.empty();
    }
  }

  /** A vLLM image can serve pooling models: {@code --task embed} or {@code --task score}. */
  EngineKind withTask(String task) {
    switch (task.toLowerCase(Locale.ROOT)) {
      case "embed":
      case "embedding":
        return EMBEDDING;
      case "score":
      case "rerank":
        return RERANK;
      default:
        return this;
    }
  }
}
