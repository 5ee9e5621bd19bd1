package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * Collects a non-streaming sequence and answers with one {@code chat.completion} or {@code
 * text_completion} object when it ends. Event-loop confined.
 */
final class JsonAnswerSink extends ChannelSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GenerationRequest request;
  private final String id;
  private final long created;
  private final StringBuilder text = new StringBuilder();

  JsonAnswerSink(
      ChannelHandlerContext ctx, boolean keepAlive, GenerationRequest r, String id, long created) {
    super(ctx, keepAlive);
    this.request = r;
    this.id = id;
    this.created = created;
  }

  @Override
  void write(Delivery d) {
    text.append(d.text());
    if (!d.finished()) {
      return;
    }
    if ("abort".equals(d.finishReason())) {
      HttpReplies.error(ctx, ApiError.unavailable("The engine is shutting down."), keepAlive);
      return;
    }
    byte[] body = answer(d).toString().getBytes(StandardCharsets.UTF_8);
    HttpReplies.json(ctx, 200, body, keepAlive);
  }

  private ObjectNode answer(Delivery d) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.put("object", request.chat() ? "chat.completion" : "text_completion");
    root.put("created", created);
    root.put("model", request.model());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    if (request.chat()) {
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", text.toString());
    } else {
      choice.put("text", text.toString());
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", d.finishReason());
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", d.promptTokens());
    usage.put("completion_tokens", d.completionTokens());
    usage.put("total_tokens", d.promptTokens() + d.completionTokens());
    return root;
  }
}
