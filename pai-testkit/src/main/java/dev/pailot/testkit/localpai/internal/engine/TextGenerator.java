package dev.pailot.testkit.localpai.internal.engine;

import java.util.SplittableRandom;

/**
 * Produces output tokens: words of a fixed vocabulary drawn by a seeded PRNG, so one seed always
 * gives one text. Each token is a word with a leading space, so text and token count agree exactly.
 * Not thread-safe: one generator per sequence, used by the engine thread.
 */
final class TextGenerator {
  private static final String[] WORDS = {
    "the",
    "model",
    "serves",
    "tokens",
    "from",
    "a",
    "paged",
    "cache",
    "and",
    "each",
    "step",
    "decodes",
    "one",
    "more",
    "for",
    "every",
    "running",
    "sequence",
    "while",
    "new",
    "requests",
    "join",
    "batch",
    "as",
    "soon",
    "memory",
    "allows",
    "so",
    "GPU",
    "stays",
    "busy",
    "with",
    "useful",
    "work",
    "instead",
    "of",
    "waiting",
    "on",
    "longest",
    "member",
    "this",
    "is",
    "why",
    "continuous",
    "batching",
    "wins",
    "throughput",
    "latency",
    "matters",
    "too",
    "first",
    "token",
    "arrives",
    "after",
    "prefill",
    "then",
    "stream",
    "flows",
    "at",
    "steady",
    "pace",
    "until",
    "limit",
    "or",
    "stop",
    "string",
    "ends",
    "it",
    "in",
    "cloud",
    "service",
    "scales",
    "out",
    "replicas",
    "behind",
    "gateway",
    "that",
    "routes",
    "traffic",
    "by",
    "weight",
    "health",
    "checks",
    "keep",
    "bad",
    "instances",
    "away",
    "operators",
    "watch",
    "queue",
    "length",
    "percentile",
    "alerts",
    "fire",
    "when",
    "budget",
    "burns",
    "fast",
    "data",
    "retrieval",
    "ranks",
    "context",
    "before",
    "generation",
    "answer",
    "grounded",
    "facts",
    "user",
    "question",
    "about",
    "training",
    "spot",
    "capacity",
    "checkpoint",
    "resumes",
    "progress",
    "without",
    "losing",
    "hours",
    "compute",
    "cost",
    "drops",
    "sharply",
    "engineers",
    "ship",
    "safely",
    "blue",
    "green",
    "release",
    "shadow",
    "mirror",
    "compares",
    "versions",
    "under",
    "real",
    "load",
    "quickly",
    "carefully",
    "again",
    "here",
    "there",
    "because",
    "which",
    "can",
    "will",
    "should",
    "must",
    "may",
    "not",
    "only",
    "also",
    "all",
    "some",
    "many",
    "few",
    "high",
    "low",
    "small",
    "large",
    "good",
    "better",
    "best",
    "simple",
    "clear",
    "open",
    "local",
    "remote"
  };

  private final SplittableRandom random;

  TextGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next token's text, e.g. {@code " cache"}. */
  String next() {
    return " " + WORDS[random.nextInt(WORDS.length)];
  }

  /**
   * A natural (end-of-sequence) output length, exponentially distributed with the given mean and at
   * least 1: most answers short, a few long, as chat traffic looks.
   */
  int naturalLength(int mean) {
    double u = random.nextDouble();
    return Math.max(1, (int) Math.ceil(-mean * Math.log(1 - u)));
  }

  /** Mixes a seed with a prompt so one seed gives different (but repeatable) text per prompt. */
  static long seedFor(long seed, String prompt) {
    long h = seed * 0x9E3779B97F4A7C15L + prompt.hashCode();
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h;
  }
}
