package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a chat or text completion, streamed or not: the generated text, why it ended, the
 * token usage, and the client's timings. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ChatResult {
  /**
   * The generated text (of the first choice), concatenated from all deltas when streamed.
   *
   * @return text
   */
  public abstract String text();

  /**
   * Why generation ended ({@code stop}, {@code length}, ...), when the engine said.
   *
   * @return finish reason
   */
  public abstract Optional<String> finishReason();

  /**
   * Token usage, when the engine reported it (streams need {@code includeUsage}, the default).
   *
   * @return usage
   */
  public abstract Optional<Usage> usage();

  /**
   * The request id the client sent in {@code X-Request-Id}.
   *
   * @return request id
   */
  public abstract String requestId();

  /**
   * The answer's own id ({@code chatcmpl-...}), if it had one.
   *
   * @return response id
   */
  public abstract Optional<String> responseId();

  /**
   * The model that answered, if the answer named it.
   *
   * @return model
   */
  public abstract Optional<String> model();

  /**
   * The client's measurements of this request.
   *
   * @return timings
   */
  public abstract Timings timings();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ChatResult}. Not thread-safe. */
  public static final class Builder extends ImmutableChatResult.Builder {
    Builder() {}
  }
}
