package dev.pailot.rag.pipeline.internal;

import dev.pailot.rag.assemble.Prompt;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StagePolicy;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.pipeline.RagContext;
import dev.pailot.rag.pipeline.RagQuery;
import dev.pailot.rag.rerank.Reranked;
import dev.pailot.rag.store.LexicalSearch;
import dev.pailot.rag.store.MetadataFilter;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.VectorQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stages before generation, each under its budget with its policy: embed, retrieve, rerank,
 * assemble. One instance per request; not thread-safe.
 */
public final class PreGeneration {
  private final PipelineParts parts;
  private final Consumer<StageReport> onStage;
  private final RagContext.Builder context = RagContext.builder();

  /**
   * Creates the request's stages.
   *
   * @param parts the pipeline
   * @param onStage receives each stage's report as it ends
   */
  public PreGeneration(PipelineParts parts, Consumer<StageReport> onStage) {
    this.parts = parts;
    this.onStage = onStage;
  }

  /**
   * Runs the stages on the calling thread (stage work runs on the runner's workers).
   *
   * @param query the query
   * @return the context
   * @throws StageFailedException when a stage fails and may not degrade
   */
  public RagContext run(RagQuery query) {
    long start = System.nanoTime();
    int topN = query.topN().orElse(parts.topN());
    int topK = Math.max(topN, query.topK().orElse(parts.topK()));
    float[] vector = embed(query.question());
    List<SearchHit> hits = retrieve(query, vector, topK, topN);
    List<Reranked> chunks = rerank(query.question(), hits, topN);
    Prompt prompt = assemble(query.question(), chunks);
    return context
        .query(query)
        .retrieved(hits.size())
        .chunks(chunks)
        .prompt(prompt)
        .elapsed(Duration.ofNanos(System.nanoTime() - start))
        .build();
  }

  private float[] embed(String question) {
    long start = System.nanoTime();
    String model = parts.embedder().name();
    if (parts.cache() != null) {
      Optional<float[]> hit = parts.cache().exact(model, question);
      if (hit.isPresent()) {
        report(Stage.EMBED, start, StageOutcome.OK, "served from the embedding cache", false);
        return hit.get();
      }
    }
    try {
      float[] v = parts.runner().run(() -> parts.embedder().embed(question), budget(Stage.EMBED));
      if (parts.cache() != null) {
        parts.cache().put(model, question, v);
      }
      report(Stage.EMBED, start, StageOutcome.OK, null, false);
      return v;
    } catch (StageProblem p) {
      String why = "embed " + p.getMessage();
      mustDegrade(Stage.EMBED, start, why, p);
      Optional<float[]> cached =
          parts.cache() == null ? Optional.empty() : parts.cache().similar(model, question);
      if (cached.isEmpty() && parts.store() instanceof LexicalSearch) {
        report(
            Stage.EMBED,
            start,
            StageOutcome.DEGRADED,
            why + "; no cached embedding, retrieving by BM25 only",
            p.timeout());
        return null;
      }
      if (cached.isEmpty()) {
        throw failed(Stage.EMBED, start, why + "; no cached embedding to serve", p);
      }
      report(
          Stage.EMBED,
          start,
          StageOutcome.DEGRADED,
          why + "; served a cached embedding",
          p.timeout());
      return cached.get();
    }
  }

  private List<SearchHit> retrieve(RagQuery query, float[] vector, int topK, int topN) {
    long start = System.nanoTime();
    try {
      List<SearchHit> hits = search(query, vector, topK);
      report(Stage.RETRIEVE, start, StageOutcome.OK, null, false);
      return hits;
    } catch (StageProblem p) {
      String why = "retrieve " + p.getMessage();
      mustDegrade(Stage.RETRIEVE, start, why, p);
      int shrunk = Math.max(topN, topK / 4);
      try {
        List<SearchHit> hits = search(query, vector, shrunk);
        report(
            Stage.RETRIEVE,
            start,
            StageOutcome.DEGRADED,
            why + "; retried with K=" + shrunk,
            p.timeout());
        return hits;
      } catch (StageProblem again) {
        throw failed(
            Stage.RETRIEVE,
            start,
            why + "; retry with K=" + shrunk + " " + again.getMessage(),
            again);
      }
    }
  }

  private List<SearchHit> search(RagQuery query, float[] vector, int k) {
    if (vector == null) {
      LexicalSearch lexical = (LexicalSearch) parts.store();
      MetadataFilter filter = query.filter().orElse(MetadataFilter.none());
      return parts
          .runner()
          .run(() -> lexical.searchText(query.question(), k, filter), budget(Stage.RETRIEVE));
    }
    VectorQuery.Builder q = VectorQuery.builder().vector(vector).topK(k);
    query.filter().ifPresent(q::filter);
    VectorQuery built = q.build();
    return parts.runner().run(() -> parts.store().search(built), budget(Stage.RETRIEVE));
  }

  private List<Reranked> rerank(String question, List<SearchHit> hits, int topN) {
    long start = System.nanoTime();
    if (parts.reranker() == null) {
      report(
          Stage.RERANK,
          start,
          StageOutcome.SKIPPED,
          "no reranker configured; retrieval order",
          false);
      return Reranked.retrievalOrder(hits, topN);
    }
    if (hits.isEmpty()) {
      report(Stage.RERANK, start, StageOutcome.SKIPPED, "nothing retrieved", false);
      return List.of();
    }
    try {
      List<Reranked> out =
          parts
              .runner()
              .run(() -> parts.reranker().rerank(question, hits, topN), budget(Stage.RERANK));
      report(Stage.RERANK, start, StageOutcome.OK, null, false);
      return out;
    } catch (StageProblem p) {
      String why = parts.reranker().name() + " " + p.getMessage();
      mustDegrade(Stage.RERANK, start, why, p);
      if (parts.fallback() != null) {
        try {
          List<Reranked> out =
              parts
                  .runner()
                  .run(
                      () -> parts.fallback().rerank(question, hits, topN),
                      parts.budgets().fallbackRerank());
          report(
              Stage.RERANK,
              start,
              StageOutcome.DEGRADED,
              why + "; reranked by " + parts.fallback().name(),
              p.timeout());
          return out;
        } catch (StageProblem again) {
          why = why + "; " + parts.fallback().name() + " " + again.getMessage();
        }
      }
      report(
          Stage.RERANK, start, StageOutcome.DEGRADED, why + "; kept retrieval order", p.timeout());
      return Reranked.retrievalOrder(hits, topN);
    }
  }

  private Prompt assemble(String question, List<Reranked> chunks) {
    long start = System.nanoTime();
    // Microseconds of CPU work: run inline rather than pay a thread hand-off; an overrun is
    // measured and reported, not interrupted.
    Prompt prompt = parts.assembler().assemble(question, chunks);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (elapsed.compareTo(budget(Stage.ASSEMBLE)) > 0) {
      String why =
          "assemble took longer than its " + budget(Stage.ASSEMBLE).toMillis() + " ms budget";
      if (parts.budgets().policyOf(Stage.ASSEMBLE) == StagePolicy.FAIL) {
        throw failed(Stage.ASSEMBLE, start, why, null);
      }
      report(Stage.ASSEMBLE, start, StageOutcome.OVERRUN, why, true);
    } else {
      report(
          Stage.ASSEMBLE,
          start,
          StageOutcome.OK,
          prompt.droppedChunks() > 0
              ? prompt.droppedChunks() + " chunks over the context token budget"
              : null,
          false);
    }
    return prompt;
  }

  private Duration budget(Stage stage) {
    return parts.budgets().budgetOf(stage);
  }

  private void mustDegrade(Stage stage, long start, String why, StageProblem p) {
    if (parts.budgets().policyOf(stage) == StagePolicy.FAIL) {
      throw failed(stage, start, why + "; policy FAIL", p);
    }
  }

  private StageFailedException failed(Stage stage, long start, String why, StageProblem p) {
    StageReport r = report(stage, start, StageOutcome.FAILED, why, p != null && p.timeout());
    return new StageFailedException(r, p == null ? null : p.getCause());
  }

  private StageReport report(
      Stage stage, long start, StageOutcome outcome, String reason, boolean overran) {
    StageReport r =
        StageReport.builder()
            .stage(stage)
            .elapsed(Duration.ofNanos(System.nanoTime() - start))
            .budget(budget(stage))
            .outcome(outcome)
            .reason(Optional.ofNullable(reason))
            .build();
    context.addStages(r);
    parts.metrics().stage(r, overran);
    onStage.accept(r);
    return r;
  }
}
