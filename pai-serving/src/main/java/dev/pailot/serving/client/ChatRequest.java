package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An OpenAI-compatible chat completion request ({@code POST /v1/chat/completions}).
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .model("qwen")
 *     .system("Answer in one sentence.")
 *     .user("What is PAI-EAS?")
 *     .maxTokens(64)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; one request value may be sent any number of times. {@link
 * Builder#build()} validates every field and throws a {@link ValidationException} naming the field
 * and the fix; nothing is sent.
 */
@Value.Immutable
@PailotStyle
public abstract class ChatRequest implements GenerationRequest {
  /**
   * The conversation so far, at least one message.
   *
   * @return messages
   */
  public abstract List<ChatMessage> messages();

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
    if (messages().isEmpty()) {
      throw ValidationException.invalidField(
          "messages", "is empty", "add at least one message, e.g. user(\"Hello\")");
    }
    RequestRules.generation(this);
  }

  /** Builder for {@link ChatRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableChatRequest.Builder {
    Builder() {}

    /**
     * Adds a {@code system} message.
     *
     * @param content the text
     * @return this builder
     */
    public Builder system(String content) {
      return addMessages(ChatMessage.system(content));
    }

    /**
     * Adds a {@code user} message.
     *
     * @param content the text
     * @return this builder
     */
    public Builder user(String content) {
      return addMessages(ChatMessage.user(content));
    }

    /**
     * Adds an {@code assistant} message.
     *
     * @param content the text
     * @return this builder
     */
    public Builder assistant(String content) {
      return addMessages(ChatMessage.assistant(content));
    }

    /**
     * Validates and builds the request. No network call is made.
     *
     * @return the request
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ChatRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw RequestRules.missing("ChatRequest", e, Map.of());
      }
    }
  }
}
