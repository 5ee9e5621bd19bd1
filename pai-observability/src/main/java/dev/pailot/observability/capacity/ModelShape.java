package dev.pailot.observability.capacity;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What the KV cache of a decoder-only transformer depends on, from the model's {@code config.json}:
 * {@code num_hidden_layers}, {@code num_key_value_heads} and the head dimension ({@code head_dim},
 * or {@code hidden_size / num_attention_heads}). Optionally the parameter count or the weights'
 * size, for the memory the weights take.
 *
 * <pre>{@code
 * ModelShape shape = ModelShape.builder()
 *     .name("my-model").numLayers(32).numKvHeads(8).headDim(128)
 *     .parameterCount(8_030_000_000L)
 *     .build();
 * }</pre>
 *
 * <p>Presets with the numbers from the models' published configs: {@link #LLAMA_3_8B}, {@link
 * #LLAMA_3_70B}, {@link #QWEN2_72B}, {@link #QWEN2_5_7B}, {@link #QWEN2_5_0_5B}, {@link
 * #MISTRAL_7B}. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ModelShape {
  /** Meta-Llama-3-8B: 32 layers, 8 KV heads (of 32), head dim 128, 8.03 B parameters. */
  public static final ModelShape LLAMA_3_8B = preset("llama-3-8b", 32, 8, 128, 8_030_000_000L);

  /** Meta-Llama-3-70B: 80 layers, 8 KV heads (of 64), head dim 128, 70.6 B parameters. */
  public static final ModelShape LLAMA_3_70B = preset("llama-3-70b", 80, 8, 128, 70_600_000_000L);

  /** Qwen2-72B: 80 layers, 8 KV heads (of 64), head dim 128 (8192 / 64), 72.7 B parameters. */
  public static final ModelShape QWEN2_72B = preset("qwen2-72b", 80, 8, 128, 72_700_000_000L);

  /** Qwen2.5-7B: 28 layers, 4 KV heads (of 28), head dim 128 (3584 / 28), 7.62 B parameters. */
  public static final ModelShape QWEN2_5_7B = preset("qwen2.5-7b", 28, 4, 128, 7_620_000_000L);

  /** Qwen2.5-0.5B: 24 layers, 2 KV heads (of 14), head dim 64 (896 / 14), 0.49 B parameters. */
  public static final ModelShape QWEN2_5_0_5B = preset("qwen2.5-0.5b", 24, 2, 64, 490_000_000L);

  /** Mistral-7B-v0.1: 32 layers, 8 KV heads (of 32), head dim 128, 7.24 B parameters. */
  public static final ModelShape MISTRAL_7B = preset("mistral-7b", 32, 8, 128, 7_240_000_000L);

  /**
   * A name for messages and reports, e.g. {@code llama-3-8b}.
   *
   * @return the name; {@code "model"} when not set
   */
  @Value.Default
  public String name() {
    return "model";
  }

  /**
   * Transformer layers ({@code num_hidden_layers}).
   *
   * @return a positive count
   */
  public abstract int numLayers();

  /**
   * Key/value heads per layer ({@code num_key_value_heads}; equal to the attention heads without
   * grouped-query attention).
   *
   * @return a positive count
   */
  public abstract int numKvHeads();

  /**
   * Dimension of one head ({@code head_dim}, or {@code hidden_size / num_attention_heads}).
   *
   * @return a positive dimension
   */
  public abstract int headDim();

  /**
   * The number of parameters, if known; used for the weights' size at 2 bytes per parameter when
   * {@link #weightBytes()} is not set.
   *
   * @return the parameter count
   */
  public abstract OptionalLong parameterCount();

  /**
   * The size of the weights in GPU memory, if known (e.g. a quantised checkpoint).
   *
   * @return bytes
   */
  public abstract OptionalLong weightBytes();

  /**
   * The weights' size: {@link #weightBytes()} when set, else 2 bytes per parameter (fp16/bf16).
   *
   * @return bytes, or empty when neither is known
   */
  public OptionalLong estimatedWeightBytes() {
    if (weightBytes().isPresent()) {
      return weightBytes();
    }
    return parameterCount().isPresent()
        ? OptionalLong.of(parameterCount().getAsLong() * 2)
        : OptionalLong.empty();
  }

  /**
   * Every preset.
   *
   * @return the presets
   */
  public static List<ModelShape> presets() {
    return List.of(LLAMA_3_8B, LLAMA_3_70B, QWEN2_72B, QWEN2_5_7B, QWEN2_5_0_5B, MISTRAL_7B);
  }

  /**
   * A preset by name, ignoring case ({@code "Llama-3-8B"}).
   *
   * @param name the preset's name
   * @return the preset, if there is one
   */
  public static Optional<ModelShape> preset(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return presets().stream().filter(p -> p.name().equals(key)).findFirst();
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
   * A builder initialised from this shape.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    positive("numLayers", numLayers());
    positive("numKvHeads", numKvHeads());
    positive("headDim", headDim());
    if (parameterCount().isPresent() && parameterCount().getAsLong() <= 0) {
      throw ValidationException.invalidField(
          "parameterCount", parameterCount().getAsLong() + " is not positive", "omit it or fix it");
    }
    if (weightBytes().isPresent() && weightBytes().getAsLong() <= 0) {
      throw ValidationException.invalidField(
          "weightBytes", weightBytes().getAsLong() + " is not positive", "omit it or fix it");
    }
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw ValidationException.invalidField(
          field, value + " is not positive", "use the value from the model's config.json");
    }
  }

  private static ModelShape preset(String name, int layers, int kvHeads, int headDim, long params) {
    return builder()
        .name(name)
        .numLayers(layers)
        .numKvHeads(kvHeads)
        .headDim(headDim)
        .parameterCount(params)
        .build();
  }

  /** Builder for {@link ModelShape}. Not thread-safe. */
  public static final class Builder extends ImmutableModelShape.Builder {
    Builder() {}

    /**
     * Validates and builds the shape.
     *
     * @return the shape
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public ModelShape build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("ModelShape", e);
      }
    }
  }
}
