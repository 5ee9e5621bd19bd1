package dev.pailot.testkit.localpai.internal.engine;

import java.util.Comparator;

/**
 * One generation request inside the engine: how much of its context has KV computed, how many
 * blocks it holds, how many tokens it has produced and how long it will run. Fields other than
 * {@link #abort()} are touched by the engine thread only; what leaves the engine travels in
 * immutable {@link Delivery} values.
 */
final class Sequence {
  /** Scheduling order: lower {@code priority} first, then earlier arrival (vLLM's priority). */
  static final Comparator<Sequence> BY_PRIORITY =
      Comparator.comparingInt(Sequence::priority).thenComparingLong(Sequence::order);

  private final GenerationRequest request;
  private final SequenceSink sink;
  private final TextGenerator generator;
  private final StopMatcher stops;
  private final int target;
  private final long arrivalNanos;
  private long order;
  private int generated;
  private int computed;
  private int blocks;
  private int preemptions;
  private long firstTokenNanos;
  private String finishReason;
  private volatile boolean aborted;

  /**
   * @param request the parsed request
   * @param sink where output goes
   * @param target tokens this sequence will produce (its natural length capped by max_tokens)
   * @param seed the generator seed
   */
  Sequence(GenerationRequest request, SequenceSink sink, int target, long seed) {
    this.request = request;
    this.sink = sink;
    this.target = target;
    this.generator = new TextGenerator(seed);
    this.stops = new StopMatcher(request.stop());
    this.arrivalNanos = System.nanoTime();
  }

  /** Tokens whose KV must be computed before the next token can be sampled. */
  int uncomputed() {
    return request.promptTokens() + generated - computed;
  }

  /** Records {@code n} tokens of KV computed in a step. */
  void compute(int n) {
    computed += n;
  }

  /**
   * Samples the next token once the whole context is computed.
   *
   * @return the text that may be sent now (stop strings may hold some back)
   */
  String sample(long nowNanos) {
    if (generated == 0) {
      firstTokenNanos = nowNanos;
    }
    generated++;
    String text = stops.offer(generator.next(), generated >= request.minTokens());
    if (stops.stopped()) {
      finishReason = "stop";
    } else if (generated >= target) {
      finishReason = generated >= request.maxTokens() ? "length" : "stop";
      text += stops.flush();
    }
    return text;
  }

  /** Drops all computed KV (preemption by recompute); output so far is kept. */
  void preempted() {
    computed = 0;
    preemptions++;
  }

  /** Marks the request aborted (client gone). Thread-safe; the engine frees it at its next step. */
  void abort() {
    aborted = true;
  }

  boolean aborted() {
    return aborted;
  }

  /** Whether generation has ended (the finish may still wait, in static batching). */
  boolean done() {
    return finishReason != null;
  }

  String finishReason() {
    return finishReason;
  }

  GenerationRequest request() {
    return request;
  }

  SequenceSink sink() {
    return sink;
  }

  int priority() {
    return request.priority();
  }

  long order() {
    return order;
  }

  void order(long order) {
    this.order = order;
  }

  int generated() {
    return generated;
  }

  int computed() {
    return computed;
  }

  int blocks() {
    return blocks;
  }

  void blocks(int blocks) {
    this.blocks = blocks;
  }

  int preemptions() {
    return preemptions;
  }

  long arrivalNanos() {
    return arrivalNanos;
  }

  long firstTokenNanos() {
    return firstTokenNanos;
  }

  /** Tokens a static batcher must reserve: the prompt and the request's whole output limit. */
  int reservedTokens() {
    return request.promptTokens() + request.maxTokens();
  }
}
