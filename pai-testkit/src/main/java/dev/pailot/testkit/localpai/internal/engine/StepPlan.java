package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.EngineProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of one engine step: which sequences compute how many tokens, and how many sequences the
 * GPU pays for (static batching pays for finished members too). Its {@link #nanos} is the step's
 * real duration under the profile's cost model. Reused from step to step by the engine thread.
 */
final class StepPlan {
  private final List<Sequence> sequences = new ArrayList<>();
  private final List<Integer> tokens = new ArrayList<>();
  private int prefillTokens;
  private int batchSize;

  void clear() {
    sequences.clear();
    tokens.clear();
    prefillTokens = 0;
    batchSize = 0;
  }

  /** Adds {@code n} tokens of work for {@code seq}; more than one token is prefill. */
  void add(Sequence seq, int n) {
    sequences.add(seq);
    tokens.add(n);
    if (seq.uncomputed() > 1) {
      prefillTokens += n;
    }
    batchSize++;
  }

  /** Makes the GPU pay for {@code size} sequences, however many have work. */
  void padTo(int size) {
    batchSize = Math.max(batchSize, size);
  }

  boolean isEmpty() {
    return sequences.isEmpty();
  }

  int size() {
    return sequences.size();
  }

  Sequence sequence(int i) {
    return sequences.get(i);
  }

  int tokens(int i) {
    return tokens.get(i);
  }

  int prefillTokens() {
    return prefillTokens;
  }

  long nanos(EngineProfile p) {
    long micros =
        p.stepBaseMicros()
            + p.stepPerSequenceMicros() * batchSize
            + p.prefillMicrosPerToken() * prefillTokens;
    return micros * 1000;
  }
}
