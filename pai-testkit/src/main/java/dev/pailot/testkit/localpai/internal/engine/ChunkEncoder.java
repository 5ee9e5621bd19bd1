package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Encodes one request's SSE events in OpenAI's chunk format. The constant part of every chunk (id,
 * object, created, model) is encoded once per request, so a token costs one small buffer and the
 * JSON escaping of its text: at tens of thousands of tokens per second, a tree per token would be
 * the bottleneck. Not thread-safe; used on the request's event loop.
 *
 * <p>Chat: {@code {"id":"chatcmpl-…","object":"chat.completion.chunk","created":…,"model":…,
 * "choices":[{"index":0,"delta":{"content":"…"},"logprobs":null,"finish_reason":null}]}}; the first
 * chunk carries {@code "role":"assistant"}. Completions: {@code "object":"text_completion"} with
 * {@code "text"}. With {@code include_usage} every chunk has {@code "usage":null} and a last chunk
 * with empty {@code choices} carries the usage, as OpenAI sends.
 */
final class ChunkEncoder {
  private static final byte[] DONE = ascii("data: [DONE]\n\n");
  private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

  private final boolean chat;
  private final byte[] head;
  private final byte[] tail;

  ChunkEncoder(String id, boolean chat, long created, String model, boolean includeUsage) {
    this.chat = chat;
    String object = chat ? "chat.completion.chunk" : "text_completion";
    this.head =
        utf8(
            "data: {\"id\":\""
                + escape(id)
                + "\",\"object\":\""
                + object
                + "\",\"created\":"
                + created
                + ",\"model\":\""
                + escape(model)
                + "\",\"choices\":[");
    this.tail = ascii(includeUsage ? ",\"usage\":null}\n\n" : "}\n\n");
  }

  /** A chunk with a text delta; {@code role} adds the assistant role (first chat chunk). */
  ByteBuf delta(ByteBufAllocator alloc, String text, boolean role, String finishReason) {
    byte[] content = ESCAPE.quoteAsUTF8(text);
    ByteBuf buf = alloc.buffer(head.length + content.length + 128);
    buf.writeBytes(head);
    if (chat) {
      buf.writeCharSequence("{\"index\":0,\"delta\":{", StandardCharsets.US_ASCII);
      if (role) {
        buf.writeCharSequence("\"role\":\"assistant\",", StandardCharsets.US_ASCII);
      }
      if (role || content.length > 0 || finishReason == null) {
        buf.writeCharSequence("\"content\":\"", StandardCharsets.US_ASCII);
        buf.writeBytes(content).writeByte('"');
      }
      buf.writeCharSequence("},\"logprobs\":null,\"finish_reason\":", StandardCharsets.US_ASCII);
      finish(buf, finishReason);
      buf.writeByte('}');
    } else {
      buf.writeCharSequence("{\"index\":0,\"text\":\"", StandardCharsets.US_ASCII);
      buf.writeBytes(content);
      buf.writeCharSequence("\",\"logprobs\":null,\"finish_reason\":", StandardCharsets.US_ASCII);
      finish(buf, finishReason);
      buf.writeCharSequence(",\"stop_reason\":null}", StandardCharsets.US_ASCII);
    }
    buf.writeByte(']').writeBytes(tail);
    return buf;
  }

  /** The last data chunk under {@code include_usage}: empty choices and the token counts. */
  ByteBuf usage(ByteBufAllocator alloc, int promptTokens, int completionTokens) {
    ByteBuf buf = alloc.buffer(head.length + 128);
    buf.writeBytes(head);
    buf.writeCharSequence(
        "],\"usage\":{\"prompt_tokens\":"
            + promptTokens
            + ",\"completion_tokens\":"
            + completionTokens
            + ",\"total_tokens\":"
            + (promptTokens + completionTokens)
            + "}}\n\n",
        StandardCharsets.US_ASCII);
    return buf;
  }

  /** {@code data: [DONE]}. */
  static ByteBuf done() {
    return Unpooled.wrappedBuffer(DONE);
  }

  private static void finish(ByteBuf buf, String reason) {
    if (reason == null) {
      buf.writeCharSequence("null", StandardCharsets.US_ASCII);
    } else {
      buf.writeByte('"').writeCharSequence(reason, StandardCharsets.US_ASCII);
      buf.writeByte('"');
    }
  }

  private static String escape(String s) {
    return new String(ESCAPE.quoteAsString(s));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
