package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One message of a chat: a role ({@code system}, {@code user}, {@code assistant}, or another role
 * the engine's chat template knows) and its text. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ChatMessage {
  /**
   * The role.
   *
   * @return role
   */
  @Value.Parameter
  public abstract String role();

  /**
   * The text.
   *
   * @return content
   */
  @Value.Parameter
  public abstract String content();

  /**
   * A message with any role.
   *
   * @param role the role, not blank
   * @param content the text
   * @return the message
   * @throws dev.pailot.core.error.ValidationException if the role is blank or content is null
   */
  public static ChatMessage of(String role, String content) {
    RequestRules.notBlank("role", role, "use \"system\", \"user\" or \"assistant\"");
    RequestRules.notNull("content", content, "pass the message text");
    return ImmutableChatMessage.of(role, content);
  }

  /**
   * A {@code system} message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage system(String content) {
    return of("system", content);
  }

  /**
   * A {@code user} message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage user(String content) {
    return of("user", content);
  }

  /**
   * An {@code assistant} message (an earlier answer, for multi-turn chats).
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage assistant(String content) {
    return of("assistant", content);
  }
}
