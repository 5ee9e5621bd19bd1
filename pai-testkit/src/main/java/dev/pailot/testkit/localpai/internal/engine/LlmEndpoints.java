package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/chat/completions} and {@code /v1/completions}: validates the request, decides the
 * output's seed and length, and hands a {@link Sequence} to the engine with a streaming or
 * collecting sink. Runs on the event loop and never blocks: the answer is written as the engine
 * produces it.
 */
final class LlmEndpoints {
  private static final long LENGTH_SALT = 0x5DEECE66DL;

  private final EngineConfig config;
  private final LlmEngine engine;
  private final OpenAiRequests requests;
  private final AtomicLong unseeded = new AtomicLong();

  LlmEndpoints(EngineConfig config, LlmEngine engine) {
    this.config = config;
    this.engine = engine;
    this.requests = new OpenAiRequests(config);
  }

  void generate(ChannelHandlerContext ctx, FullHttpRequest http, JsonNode body, boolean chat) {
    boolean keepAlive = HttpUtil.isKeepAlive(http);
    GenerationRequest r = requests.parse(body, chat, http.headers().get("X-Request-Id"));
    String id = (chat ? "chatcmpl-" : "cmpl-") + r.requestId();
    long created = System.currentTimeMillis() / 1000;
    long seed = seed(r);
    ChannelSink sink =
        r.stream()
            ? new SseSink(
                ctx, keepAlive, new ChunkEncoder(id, chat, created, r.model(), r.includeUsage()), r)
            : new JsonAnswerSink(ctx, keepAlive, r, id, created);
    Sequence seq = new Sequence(r, sink, target(r, seed), seed);
    sink.abortOnClose(engine, seq);
    engine.submit(seq);
  }

  /**
   * A request's seed: its own {@code seed}, or for greedy decoding (temperature 0) a fixed one;
   * mixed with the prompt. Otherwise fresh per request, from the replica's seed.
   */
  private long seed(GenerationRequest r) {
    if (r.seed().isPresent()) {
      return TextGenerator.seedFor(r.seed().getAsLong(), r.prompt());
    }
    if (r.temperature() == 0) {
      return TextGenerator.seedFor(0, r.prompt());
    }
    return TextGenerator.seedFor(config.seed() + unseeded.incrementAndGet(), r.prompt());
  }

  /** Output length: {@code max_tokens}, or a natural length when the profile models EOS. */
  private int target(GenerationRequest r, long seed) {
    int limit = r.maxTokens();
    if (!r.ignoreEos() && config.profile().eosMeanTokens().isPresent()) {
      int mean = config.profile().eosMeanTokens().getAsInt();
      limit = Math.min(limit, new TextGenerator(seed ^ LENGTH_SALT).naturalLength(mean));
    }
    return Math.max(Math.max(1, r.minTokens()), limit);
  }
}
