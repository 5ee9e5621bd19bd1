package dev.pailot.examples.demo;

import dev.pailot.rag.assemble.Citation;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.pipeline.RagAnswer;
import java.util.List;

/**
 * The RAG stage as plain records for the demo's {@code --json} summary.
 *
 * @param pagesAdded documents ingested for the first time
 * @param chunks chunks written to the store
 * @param tokens tokens embedded
 * @param ingestMillis ingestion time
 * @param answers one entry per question
 */
public record RagSummary(
    int pagesAdded, int chunks, long tokens, long ingestMillis, List<Answer> answers) {

  /**
   * One answered question.
   *
   * @param text the generated answer
   * @param citations cited chunks as {@code documentId#chunkId}
   * @param stages each stage's time against its budget
   * @param totalMillis end-to-end time
   */
  public record Answer(String text, List<String> citations, List<Stage> stages, long totalMillis) {}

  /**
   * One stage of one answer.
   *
   * @param stage the stage
   * @param elapsedMillis time taken
   * @param budgetMillis its budget
   * @param outcome how it ended
   * @param reason why it degraded, or empty
   */
  public record Stage(
      String stage, long elapsedMillis, long budgetMillis, String outcome, String reason) {}

  /**
   * Summarises the stage's result.
   *
   * @param result what the stage did
   * @return the summary
   */
  public static RagSummary of(RagStage.Result result) {
    return new RagSummary(
        result.ingest().added(),
        result.ingest().chunks(),
        result.ingest().tokens(),
        result.ingest().elapsed().toMillis(),
        result.answers().stream().map(RagSummary::answer).toList());
  }

  private static Answer answer(RagAnswer a) {
    return new Answer(
        a.text(),
        a.citations().stream().map(RagSummary::cite).toList(),
        a.stages().stream().map(RagSummary::stage).toList(),
        a.total().toMillis());
  }

  private static String cite(Citation c) {
    return c.documentId() + "#" + c.chunkId();
  }

  private static Stage stage(StageReport s) {
    return new Stage(
        s.stage().name(),
        s.elapsed().toMillis(),
        s.budget().toMillis(),
        s.outcome().name(),
        s.reason().orElse(""));
  }
}
