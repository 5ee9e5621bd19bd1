package dev.pailot.testkit.localpai.internal.engine;

/**
 * The emulator's stand-in for a tokenizer: one token per four characters of text (rounded up, at
 * least one), the usual rule of thumb for English BPE vocabularies. Chat requests add the chat
 * template's overhead: four tokens per message and three for the assistant prefix, as OpenAI's
 * cookbook counts. Generated text is exact instead: each generated token is one vocabulary word.
 */
final class TokenEstimate {
  static final int PER_MESSAGE = 4;
  static final int ASSISTANT_PREFIX = 3;

  private TokenEstimate() {}

  static int of(CharSequence text) {
    return Math.max(1, (text.length() + 3) / 4);
  }
}
