package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An OpenAI-compatible embedding request ({@code POST /v1/embeddings}) for one or more texts.
 * Vectors are requested as floats.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent.
 */
@Value.Immutable
@PailotStyle
public abstract class EmbeddingRequest implements InferenceRequest {
  /**
   * The model name. Unset: the client's default model if it has one, otherwise left out.
   *
   * @return model
   */
  public abstract Optional<String> model();

  /**
   * The texts to embed, at least one; results come back in the same order.
   *
   * @return inputs
   */
  public abstract List<String> inputs();

  /**
   * Truncate vectors to this many dimensions (for models that support it), at least 1.
   *
   * @return dimensions
   */
  public abstract Optional<Integer> dimensions();

  /**
   * Further body fields, as for {@link GenerationRequest#extraBody()}.
   *
   * @return extra body fields
   */
  public abstract Map<String, Object> extraBody();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this request.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    RequestRules.common(this);
    if (inputs().isEmpty()) {
      throw ValidationException.invalidField(
          "inputs", "is empty", "add at least one text, e.g. addInputs(\"hello\")");
    }
    RequestRules.atLeast("dimensions", dimensions(), 1, "leave it unset for the full vector");
    RequestRules.extraBody(extraBody());
  }

  /** Builder for {@link EmbeddingRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableEmbeddingRequest.Builder {
    Builder() {}

    /**
     * Validates and builds the request. No network call is made.
     *
     * @return the request
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public EmbeddingRequest build() {
      return super.build();
    }
  }
}
