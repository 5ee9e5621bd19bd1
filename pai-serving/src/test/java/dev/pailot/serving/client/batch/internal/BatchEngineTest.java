package dev.pailot.serving.client.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;
import dev.pailot.serving.client.AdmissionRejectedException;
import dev.pailot.serving.client.InferenceResponseException;
import dev.pailot.serving.client.batch.BatchSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The batching rules, driven by a manual clock and a hand-answered sender: nothing here measures
 * time, so every assertion is exact.
 */
class BatchEngineTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingSender sender = new RecordingSender();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private BatchEngine<String, String> engine(BatchSettings.Builder settings) {
    return new BatchEngine<>(
        settings.build(),
        sender,
        clock,
        new BatchMetrics(registry, "svc", "embeddings"),
        new BatchRejections("embeddings", "svc"));
  }

  private static BatchSettings.Builder settings() {
    return BatchSettings.builder().maxWait(Duration.ofMillis(5)).closeTimeout(Duration.ZERO);
  }

  private static CompletableFuture<String> submit(BatchEngine<String, String> e, String s) {
    return e.submit(s, "k", 1, 1);
  }

  private static <T> T value(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
    return t instanceof ExecutionException ? t.getCause() : t;
  }

  @Test
  void singleCallsCoalesceAndLeaveExactlyAtMaxWaitWithResultsInOrder() throws Exception {
    BatchEngine<String, String> e = engine(settings().maxInFlight(1));
    var a = submit(e, "a");
    clock.advanceMillis(2);
    var b = submit(e, "b");
    var c = submit(e, "c");
    clock.advanceMillis(2);
    assertThat(sender.calls).isEmpty(); // 4 ms: a has not waited maxWait yet

    clock.advanceMillis(1); // 5 ms after a arrived
    assertThat(sender.batches()).containsExactly(List.of("a", "b", "c"));
    sender.call(0).answer();

    assertThat(List.of(value(a), value(b), value(c))).containsExactly("r:a", "r:b", "r:c");
    assertThat(registry.get("inference.batch.size").summary().totalAmount()).isEqualTo(3);
    assertThat(registry.get("inference.batch.wait").timer().max(TimeUnit.MILLISECONDS))
        .isEqualTo(5); // a waited maxWait, no more
  }

  @Test
  void aFullBatchLeavesAtOnceAndTheRemainderWaitsForMaxWait() {
    BatchEngine<String, String> e = engine(settings().maxItems(3).maxInFlight(4));
    IntStream.range(0, 7).forEach(i -> submit(e, "t" + i));

    assertThat(sender.batches())
        .containsExactly(List.of("t0", "t1", "t2"), List.of("t3", "t4", "t5"));
    assertThat(e.pending()).isEqualTo(1);
    clock.advanceMillis(5);
    assertThat(sender.batches()).hasSize(3).last().isEqualTo(List.of("t6"));
  }

  @Test
  void theTokenBudgetClosesABatchAndAnOversizedItemLeavesAlone() {
    BatchEngine<String, String> e = engine(settings().maxTokens(10));
    e.submit("a", "k", 1, 4);
    e.submit("b", "k", 1, 4);
    assertThat(sender.calls).isEmpty(); // 8 of 10 tokens: not full
    e.submit("c", "k", 1, 4); // would make 12: a and b leave
    assertThat(sender.batches()).containsExactly(List.of("a", "b"));
    e.submit("huge", "k", 1, 50); // c (4) + huge > 10: c leaves alone, huge is full on its own
    assertThat(sender.batches()).containsExactly(List.of("a", "b"), List.of("c"), List.of("huge"));
  }

  @Test
  void noMoreThanMaxInFlightBatchesAndAFreedSlotTakesThePartialBatchAtOnce() throws Exception {
    BatchEngine<String, String> e = engine(settings().maxItems(2).maxInFlight(2));
    List<CompletableFuture<String>> all = new ArrayList<>();
    IntStream.range(0, 9).forEach(i -> all.add(submit(e, "t" + i)));
    clock.advanceMillis(1_000);
    assertThat(sender.calls).hasSize(2);
    assertThat(e.inFlight()).isEqualTo(2);
    assertThat(e.pending()).isEqualTo(5);

    for (int i = 0; i < 5; i++) { // each answer frees a slot, which takes the next batch at once
      sender.call(i).answer();
    }
    assertThat(sender.batches()).hasSize(5).last().isEqualTo(List.of("t8")); // no clock advance
    sender.calls.forEach(RecordingSender.Call::answer);
    for (int i = 0; i < 9; i++) {
      assertThat(value(all.get(i))).isEqualTo("r:t" + i);
    }
    assertThat(sender.maxOpen.get()).isEqualTo(2);
  }

  @Test
  void aBusySenderHoldsItemsBeyondMaxWaitUntilASlotFrees() {
    BatchEngine<String, String> e = engine(settings().maxInFlight(1));
    submit(e, "a");
    clock.advanceMillis(5);
    submit(e, "b");
    clock.advanceMillis(100);
    assertThat(sender.batches()).containsExactly(List.of("a"));
    sender.call(0).answer();
    assertThat(sender.batches()).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void aFailedBatchFailsEveryMemberWithItsCause() {
    BatchEngine<String, String> e = engine(settings().maxItems(2));
    var a = submit(e, "a");
    var b = submit(e, "b");
    PaiException cause = new PaiException("boom");
    sender.call(0).future().completeExceptionally(cause);
    assertThat(failure(a)).isSameAs(cause);
    assertThat(failure(b)).isSameAs(cause);
  }

  @Test
  void aBatchAnswered413IsSplitInHalvesWithinItsSlot() throws Exception {
    BatchEngine<String, String> e = engine(settings().maxItems(4).maxInFlight(1));
    List<CompletableFuture<String>> all = new ArrayList<>();
    IntStream.range(0, 4).forEach(i -> all.add(submit(e, "t" + i)));
    sender.call(0).future().completeExceptionally(tooLarge());

    assertThat(sender.batches()).hasSize(2).last().isEqualTo(List.of("t0", "t1"));
    assertThat(e.inFlight()).isEqualTo(1);
    sender.call(1).answer(); // the second half goes only after the first
    assertThat(sender.batches()).hasSize(3).last().isEqualTo(List.of("t2", "t3"));
    sender.call(2).future().completeExceptionally(tooLarge());
    assertThat(sender.batches()).hasSize(4).last().isEqualTo(List.of("t2"));
    sender.call(3).answer();
    sender.call(4).answer();

    assertThat(all.stream().map(CompletableFuture::join))
        .containsExactly("r:t0", "r:t1", "r:t2", "r:t3");
    assertThat(registry.get("inference.batch.splits").counter().count()).isEqualTo(2);
    assertThat(e.inFlight()).isZero();
  }

  @Test
  void a413OnASingleItemFailsIt() {
    BatchEngine<String, String> e = engine(settings().maxItems(1));
    var a = submit(e, "a");
    sender.call(0).future().completeExceptionally(tooLarge());
    assertThat(failure(a)).isInstanceOf(PaiException.class);
    assertThat(sender.calls).hasSize(1);
  }

  @Test
  void cancellingOneMemberLeavesTheOthersAndCancellingAllCancelsTheCall() throws Exception {
    BatchEngine<String, String> e = engine(settings().maxItems(2));
    var a = submit(e, "a");
    a.cancel(true); // still pending: withdrawn
    var b = submit(e, "b");
    var c = submit(e, "c");
    assertThat(sender.batches()).containsExactly(List.of("b", "c"));

    b.cancel(true); // in flight: the call goes on for c
    assertThat(sender.call(0).future()).isNotDone();
    sender.call(0).answer();
    assertThat(value(c)).isEqualTo("r:c");

    var d = submit(e, "d");
    var f = submit(e, "f");
    d.cancel(true);
    f.cancel(true);
    assertThat(sender.call(1).future()).isCancelled();
    assertThat(e.inFlight()).isZero();
  }

  @Test
  void aFullQueueRefusesAtOnce() {
    BatchEngine<String, String> e = engine(settings().maxPending(2).maxInFlight(1));
    submit(e, "a");
    submit(e, "b");
    Throwable refused = failure(submit(e, "c"));
    assertThat(refused).isInstanceOf(AdmissionRejectedException.class);
    assertThat(((AdmissionRejectedException) refused).reason())
        .isEqualTo(AdmissionRejectedException.Reason.QUEUE_FULL);
    assertThat(((AdmissionRejectedException) refused).retryable()).isTrue();
    assertThat(
            registry.get("inference.batch.rejected").tag("reason", "queue_full").counter().count())
        .isEqualTo(1);
  }

  @Test
  void anAnswerOfTheWrongSizeFailsTheWholeBatch() {
    BatchEngine<String, String> e = engine(settings().maxItems(2));
    var a = submit(e, "a");
    var b = submit(e, "b");
    sender.call(0).future().complete(List.of("only one"));
    assertThat(failure(a)).isInstanceOf(InferenceResponseException.class);
    assertThat(failure(b)).isInstanceOf(InferenceResponseException.class);
  }

  @Test
  void onlyMembersWithTheSameKeyShareABatch() {
    BatchEngine<String, String> e = engine(settings().maxItems(2).maxInFlight(4));
    e.submit("x1", "x", 1, 1);
    e.submit("y1", "y", 1, 1);
    e.submit("x2", "x", 1, 1); // x is full: leaves, y waits
    assertThat(sender.batches()).containsExactly(List.of("x1", "x2"));
    clock.advanceMillis(5);
    assertThat(sender.batches()).containsExactly(List.of("x1", "x2"), List.of("y1"));
    assertThat(sender.call(1).key()).isEqualTo("y");
  }

  @Test
  void closeSendsWhatIsPendingWaitsForItAndThenRefuses() throws Exception {
    BatchEngine<String, String> e =
        engine(settings().maxInFlight(1).closeTimeout(Duration.ofSeconds(30)));
    var a = submit(e, "a");
    var b = submit(e, "b");
    Thread closer = new Thread(e::close);
    closer.start();
    while (sender.calls.isEmpty()) {
      Thread.onSpinWait();
    }
    assertThat(sender.batches()).containsExactly(List.of("a", "b")); // no maxWait on close
    assertThat(closer.isAlive()).isTrue();
    sender.call(0).answer();
    closer.join(10_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(value(a)).isEqualTo("r:a");
    assertThat(value(b)).isEqualTo("r:b");
    Throwable refused = failure(submit(e, "late"));
    assertThat(((AdmissionRejectedException) refused).reason())
        .isEqualTo(AdmissionRejectedException.Reason.CLIENT_CLOSED);
    assertThat(clock.closed).isTrue();
  }

  @Test
  void closeNowFailsPendingAndCancelsTheCallsInFlight() {
    BatchEngine<String, String> e = engine(settings().maxItems(1).maxInFlight(1));
    var a = submit(e, "a");
    var b = submit(e, "b");
    e.closeNow();
    assertThat(failure(a)).hasMessageContaining("closed while");
    assertThat(failure(b)).isInstanceOf(AdmissionRejectedException.class);
    assertThat(sender.call(0).future()).isCancelled();
    assertThat(sender.calls).hasSize(1);
  }

  private static PaiException tooLarge() {
    return new PaiException(
        "413",
        new ErrorDetails("inference", "embeddings", null, null, null, null, 413, false, 1),
        null);
  }
}
