package dev.pailot.serving.client.shadow.internal;

import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.EmbeddingResult;
import dev.pailot.serving.client.Usage;
import dev.pailot.serving.client.shadow.ShadowOutcome;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Turns one side's result or failure into a {@link ShadowOutcome}. */
public final class Outcomes {
  private Outcomes() {}

  /**
   * A chat side.
   *
   * @param result the result, or null on failure
   * @param error the failure, or null
   * @param latency measured latency
   * @return the outcome
   */
  public static ShadowOutcome chat(ChatResult result, Throwable error, Duration latency) {
    ShadowOutcome.Builder b = base(error, latency);
    if (result != null) {
      b.text(result.text())
          .timeToFirstToken(result.timings().timeToFirstToken())
          .tokensOut(result.usage().map(Usage::completionTokens).orElse(0));
    }
    return b.build();
  }

  /**
   * An embeddings side.
   *
   * @param result the result, or null on failure
   * @param error the failure, or null
   * @param latency measured latency
   * @return the outcome
   */
  public static ShadowOutcome embeddings(
      EmbeddingResult result, Throwable error, Duration latency) {
    ShadowOutcome.Builder b = base(error, latency);
    if (result != null) {
      b.embeddings(result.embeddings());
    }
    return b.build();
  }

  private static ShadowOutcome.Builder base(Throwable error, Duration latency) {
    ShadowOutcome.Builder b = ShadowOutcome.builder().latency(latency);
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause != null) {
      b.errorType(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        b.errorMessage(cause.getMessage());
      }
    }
    return b;
  }
}
