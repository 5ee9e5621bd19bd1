package dev.pailot.rag.pipeline.internal;

import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StagePolicy;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.pipeline.RagAnswer;
import dev.pailot.rag.pipeline.RagContext;
import dev.pailot.rag.pipeline.RagHandle;
import dev.pailot.rag.pipeline.RagListener;
import dev.pailot.rag.pipeline.RagQuery;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.StreamHandle;
import dev.pailot.serving.client.StreamListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One streamed RAG request: the stages before generation on a flow thread, then the chat stream
 * through the inference client, with the time to first token measured from the request's start.
 * Thread-safe.
 */
public final class RagFlow implements RagHandle {
  private final PipelineParts parts;
  private final GenerationSettings generation;
  private final RagListener listener;
  private final ScheduledExecutorService timer;
  private final CompletableFuture<RagAnswer> result = new CompletableFuture<>();
  private final long start = System.nanoTime();
  private volatile Future<?> stages;
  private volatile StreamHandle stream;
  private volatile StageReport generated;
  private volatile long firstToken;

  private RagFlow(
      PipelineParts parts,
      GenerationSettings generation,
      RagListener listener,
      ScheduledExecutorService timer) {
    this.parts = parts;
    this.generation = generation;
    this.listener = listener;
    this.timer = timer;
  }

  /**
   * Starts a request.
   *
   * @param parts the pipeline
   * @param generation the chat model
   * @param query the query
   * @param listener the caller's listener
   * @param flows runs the stages before generation
   * @param timer fires the time-to-first-token deadline under {@link StagePolicy#FAIL}
   * @return the handle
   */
  public static RagFlow start(
      PipelineParts parts,
      GenerationSettings generation,
      RagQuery query,
      RagListener listener,
      ExecutorService flows,
      ScheduledExecutorService timer) {
    RagFlow flow = new RagFlow(parts, generation, listener, timer);
    try {
      flow.stages = flows.submit(() -> flow.run(query));
    } catch (RejectedExecutionException e) {
      flow.fail(
          new dev.pailot.core.error.PaiException(
              "The RAG pipeline is at its limit of concurrent requests or closed; retry later."));
    }
    return flow;
  }

  private void run(RagQuery query) {
    try {
      RagContext context = new PreGeneration(parts, listener::onStage).run(query);
      if (result.isDone()) {
        return;
      }
      listener.onContext(context);
      generate(context);
    } catch (Throwable t) {
      fail(t);
    }
  }

  private void generate(RagContext context) {
    Duration ttftBudget = parts.budgets().budgetOf(Stage.GENERATE);
    long genStart = System.nanoTime();
    StringBuilder text = new StringBuilder();
    if (parts.budgets().policyOf(Stage.GENERATE) == StagePolicy.FAIL) {
      timer.schedule(
          () -> {
            if (firstToken == 0 && !result.isDone()) {
              StageReport r =
                  report(
                      genStart,
                      StageOutcome.FAILED,
                      "no first token within the "
                          + ttftBudget.toMillis()
                          + " ms budget; policy FAIL",
                      true);
              StreamHandle s = stream;
              fail(new StageFailedException(r, null));
              if (s != null) {
                s.cancel();
              }
            }
          },
          ttftBudget.toNanos(),
          TimeUnit.NANOSECONDS);
    }
    stream =
        generation.client().stream(
            generation.request(context.prompt()),
            new StreamListener() {
              @Override
              public void onDelta(Delta delta) {
                if (delta.text().isEmpty()) {
                  return;
                }
                if (firstToken == 0) {
                  firstToken = System.nanoTime();
                  parts.metrics().ttft(Duration.ofNanos(firstToken - start));
                  boolean over = firstToken - genStart > ttftBudget.toNanos();
                  report(
                      genStart,
                      over ? StageOutcome.OVERRUN : StageOutcome.OK,
                      over ? "first token after the " + ttftBudget.toMillis() + " ms budget" : null,
                      over);
                }
                text.append(delta.text());
                listener.onDelta(delta.text());
              }

              @Override
              public void onComplete(ChatResult chat) {
                complete(context, chat, genStart);
              }

              @Override
              public void onError(Throwable error) {
                fail(error);
              }
            });
    if (result.isDone()) {
      stream.cancel();
    }
  }

  private void complete(RagContext context, ChatResult chat, long genStart) {
    if (generated == null) {
      report(genStart, StageOutcome.OK, "the model generated no text", false);
    }
    long now = System.nanoTime();
    RagAnswer answer =
        RagAnswer.builder()
            .text(chat.text())
            .citations(context.prompt().citations())
            .context(context)
            .generation(generated)
            .timeToFirstToken(
                firstToken == 0
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(firstToken - start)))
            .total(Duration.ofNanos(now - start))
            .usage(chat.usage())
            .build();
    try {
      listener.onComplete(answer);
      result.complete(answer);
    } catch (Throwable t) {
      fail(t);
    }
  }

  private synchronized StageReport report(
      long genStart, StageOutcome outcome, String reason, boolean over) {
    if (generated != null) {
      return generated;
    }
    generated =
        StageReport.builder()
            .stage(Stage.GENERATE)
            .elapsed(Duration.ofNanos(System.nanoTime() - genStart))
            .budget(parts.budgets().budgetOf(Stage.GENERATE))
            .outcome(outcome)
            .reason(Optional.ofNullable(reason))
            .build();
    parts.metrics().stage(generated, over);
    listener.onStage(generated);
    return generated;
  }

  private void fail(Throwable t) {
    if (result.completeExceptionally(t)) {
      try {
        listener.onError(t);
      } catch (RuntimeException ignored) {
        // The request has already failed; a listener failing on the failure changes nothing.
      }
    }
  }

  @Override
  public CompletableFuture<RagAnswer> result() {
    return result;
  }

  @Override
  public void cancel() {
    if (result.cancel(false)) {
      Future<?> s = stages;
      if (s != null) {
        s.cancel(true);
      }
      StreamHandle h = stream;
      if (h != null) {
        h.cancel();
      }
    }
  }
}
