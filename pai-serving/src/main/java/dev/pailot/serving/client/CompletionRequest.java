package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An OpenAI-compatible text completion request ({@code POST /v1/completions}): a raw prompt, no
 * chat template.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent.
 */
@Value.Immutable
@PailotStyle
public abstract class CompletionRequest implements GenerationRequest {
  /**
   * The prompt. Required.
   *
   * @return prompt
   */
  public abstract String prompt();

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
    RequestRules.generation(this);
  }

  /** Builder for {@link CompletionRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableCompletionRequest.Builder {
    Builder() {}

    /**
     * Validates and builds the request. No network call is made.
     *
     * @return the request
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public CompletionRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw RequestRules.missing(
            "CompletionRequest", e, Map.of("prompt", "set prompt(\"Once upon a time\")"));
      }
    }
  }
}
