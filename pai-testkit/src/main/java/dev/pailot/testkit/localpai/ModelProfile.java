package dev.pailot.testkit.localpai;

import dev.pailot.core.internal.PailotStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The shape of a model as LocalPai's emulated engine sees it: how big its weights are (load time,
 * GPU memory left for the KV cache) and how many bytes one token of KV cache takes. Immutable and
 * thread-safe.
 *
 * <p>{@link #catalogue()} holds well-known open models with their published architecture; {@link
 * #lookup(String)} finds one by a name inside a model path such as {@code
 * oss://bucket/models/Qwen2.5-7B-Instruct/}. Other models are described through container
 * environment variables (see {@code docs/localpai.md}, section Engine).
 */
@Value.Immutable
@PailotStyle
public abstract class ModelProfile {
  /** Tokens per paged KV block, as in vLLM. */
  public static final int BLOCK_TOKENS = 16;

  private static final List<ModelProfile> CATALOGUE =
      List.of(
          of("qwen2.5-0.5b", 0.49, 24, 2, 64, 896, 32768),
          of("qwen2.5-1.5b", 1.54, 28, 2, 128, 1536, 32768),
          of("qwen2.5-7b", 7.62, 28, 4, 128, 3584, 32768),
          of("qwen2.5-14b", 14.7, 48, 8, 128, 5120, 32768),
          of("qwen2.5-32b", 32.8, 64, 8, 128, 5120, 32768),
          of("qwen2.5-72b", 72.7, 80, 8, 128, 8192, 32768),
          of("qwen3-8b", 8.19, 36, 8, 128, 4096, 40960),
          of("llama-3-8b", 8.03, 32, 8, 128, 4096, 8192),
          of("llama-3.1-8b", 8.03, 32, 8, 128, 4096, 131072),
          of("llama-3-70b", 70.6, 80, 8, 128, 8192, 8192),
          of("bge-small", 0.033, 12, 12, 32, 384, 512),
          of("bge-base", 0.11, 12, 12, 64, 768, 512),
          of("bge-large", 0.34, 24, 16, 64, 1024, 512),
          of("bge-m3", 0.57, 24, 16, 64, 1024, 8192),
          of("bge-reranker", 0.57, 24, 16, 64, 1024, 8192));

  /**
   * Catalogue key, e.g. {@code qwen2.5-7b}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * Parameter count in billions; weights are stored in 16-bit precision (2 bytes per parameter).
   *
   * @return billions of parameters
   */
  public abstract double parametersBillions();

  /**
   * Transformer layers.
   *
   * @return layer count
   */
  public abstract int layers();

  /**
   * Key/value heads per layer (fewer than attention heads under grouped-query attention).
   *
   * @return KV head count
   */
  public abstract int kvHeads();

  /**
   * Dimension of one attention head.
   *
   * @return head dimension
   */
  public abstract int headDim();

  /**
   * Hidden size; also the embedding dimension when the model serves embeddings.
   *
   * @return hidden size
   */
  public abstract int hiddenSize();

  /**
   * The context length the model was trained for; the engine's default {@code max_model_len}.
   *
   * @return tokens
   */
  public abstract int maxModelLen();

  /**
   * Bytes of weights (2 bytes per parameter).
   *
   * @return bytes
   */
  public long weightBytes() {
    return (long) (parametersBillions() * 1e9 * 2);
  }

  /**
   * Bytes of KV cache per token: keys and values for every layer and KV head.
   *
   * @param dtypeBytes bytes per element: 2 for fp16/bf16, 1 for int8/fp8
   * @return bytes per token
   */
  public long kvBytesPerToken(int dtypeBytes) {
    return 2L * layers() * kvHeads() * headDim() * dtypeBytes;
  }

  /**
   * The built-in catalogue of well-known models.
   *
   * @return profiles
   */
  public static List<ModelProfile> catalogue() {
    return CATALOGUE;
  }

  /**
   * The small default used when a spec names no known model (Qwen2.5-0.5B's architecture).
   *
   * @return profile
   */
  public static ModelProfile defaultProfile() {
    return CATALOGUE.get(0);
  }

  /**
   * Finds the catalogue entry whose name appears in a model path or name, ignoring case and
   * treating {@code _} like {@code -}; the longest matching name wins ({@code qwen2.5-72b} over
   * {@code qwen2.5-7b}).
   *
   * @param modelPath e.g. {@code oss://b/models/Qwen2.5-72B-Instruct} or {@code Meta-Llama-3-8B}
   * @return the profile, or empty when none matches
   */
  public static Optional<ModelProfile> lookup(String modelPath) {
    String s = modelPath.toLowerCase(Locale.ROOT).replace('_', '-');
    return CATALOGUE.stream()
        .filter(p -> s.contains(p.name()))
        .max(Comparator.comparingInt(p -> p.name().length()));
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
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  private static ModelProfile of(
      String name, double billions, int layers, int kvHeads, int headDim, int hidden, int len) {
    return builder()
        .name(name)
        .parametersBillions(billions)
        .layers(layers)
        .kvHeads(kvHeads)
        .headDim(headDim)
        .hiddenSize(hidden)
        .maxModelLen(len)
        .build();
  }

  @Value.Check
  void check() {
    if (parametersBillions() <= 0 || layers() < 1 || kvHeads() < 1 || headDim() < 1) {
      throw new IllegalArgumentException(
          "model " + name() + ": parameters, layers, kvHeads and headDim must be positive");
    }
    if (hiddenSize() < 1 || maxModelLen() < 1) {
      throw new IllegalArgumentException(
          "model " + name() + ": hiddenSize and maxModelLen must be positive");
    }
  }

  /** Builder for {@link ModelProfile}. Not thread-safe. */
  public static final class Builder extends ImmutableModelProfile.Builder {
    Builder() {}
  }
}
