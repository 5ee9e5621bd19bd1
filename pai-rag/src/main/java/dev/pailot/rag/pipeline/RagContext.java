package dev.pailot.rag.pipeline;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.rag.assemble.Prompt;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.rerank.Reranked;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything before generation: the reranked chunks, the assembled prompt with its citations, and a
 * report per stage (embed, retrieve, rerank, assemble). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RagContext {
  /**
   * The query.
   *
   * @return query
   */
  public abstract RagQuery query();

  /**
   * Candidates retrieved (K, possibly shrunk by a degraded retrieve).
   *
   * @return retrieved count
   */
  public abstract int retrieved();

  /**
   * The chunks kept after reranking, best first.
   *
   * @return chunks
   */
  public abstract List<Reranked> chunks();

  /**
   * The prompt, with citations.
   *
   * @return prompt
   */
  public abstract Prompt prompt();

  /**
   * One report per stage that ran, in order.
   *
   * @return stage reports
   */
  public abstract List<StageReport> stages();

  /**
   * Wall time of the stages before generation.
   *
   * @return elapsed
   */
  public abstract Duration elapsed();

  /**
   * Whether any stage degraded.
   *
   * @return {@code true} if one did
   */
  public boolean degraded() {
    return stages().stream().anyMatch(StageReport::degraded);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RagContext}. Not thread-safe. */
  public static final class Builder extends ImmutableRagContext.Builder {
    Builder() {}
  }
}
