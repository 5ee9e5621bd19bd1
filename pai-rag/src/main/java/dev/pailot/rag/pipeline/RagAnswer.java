package dev.pailot.rag.pipeline;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.rag.assemble.Citation;
import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.serving.client.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The answer to a question: the generated text, the chunks it may cite, and per stage its time,
 * budget, outcome and, for every degraded stage, the reason. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RagAnswer {
  /**
   * The generated answer.
   *
   * @return text
   */
  public abstract String text();

  /**
   * The context chunks, numbered as the prompt (and the answer) cite them.
   *
   * @return citations
   */
  public abstract List<Citation> citations();

  /**
   * The context built before generation.
   *
   * @return context
   */
  public abstract RagContext context();

  /**
   * The generate stage's report (time to first token against its budget).
   *
   * @return generate report
   */
  public abstract StageReport generation();

  /**
   * End-to-end time to first token, from the request to the first generated text.
   *
   * @return time to first token, empty if nothing was generated
   */
  public abstract Optional<Duration> timeToFirstToken();

  /**
   * From the request to the complete answer.
   *
   * @return total
   */
  public abstract Duration total();

  /**
   * Token usage, when the engine reported it.
   *
   * @return usage
   */
  public abstract Optional<Usage> usage();

  /**
   * All stage reports in order: embed, retrieve, rerank, assemble, generate.
   *
   * @return stages
   */
  public List<StageReport> stages() {
    return java.util.stream.Stream.concat(
            context().stages().stream(), java.util.stream.Stream.of(generation()))
        .collect(Collectors.toList());
  }

  /**
   * The stages that degraded or overran, with their reasons.
   *
   * @return degraded stages
   */
  public List<StageReport> degradations() {
    return stages().stream()
        .filter(s -> s.outcome() == StageOutcome.DEGRADED || s.outcome() == StageOutcome.OVERRUN)
        .collect(Collectors.toList());
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RagAnswer}. Not thread-safe. */
  public static final class Builder extends ImmutableRagAnswer.Builder {
    Builder() {}
  }
}
