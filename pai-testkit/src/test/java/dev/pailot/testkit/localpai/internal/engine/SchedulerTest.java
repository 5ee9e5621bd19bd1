package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Scheduling decisions, driven step by step without real time. */
class SchedulerTest {
  @Test
  void lowerPriorityValueRunsFirstUnderContention() {
    SchedulerDriver d = SchedulerDriver.continuous(1000, 1, 8192);
    List<SchedulerDriver.Recorder> all = new ArrayList<>();
    all.add(d.add("a", 10, 5, 0));
    d.step();
    all.add(d.add("b", 10, 5, 5));
    all.add(d.add("c", 10, 5, 1));
    all.add(d.add("d", 10, 5, 3));
    d.drain();

    List<String> order =
        all.stream()
            .sorted(Comparator.comparingLong(r -> r.finishedAtStep))
            .map(r -> r.name)
            .collect(Collectors.toList());
    assertThat(order).containsExactly("a", "c", "d", "b");
  }

  @Test
  void runsOutOfBlocksPreemptsYoungestAndStillFinishesEveryone() {
    SchedulerDriver d = SchedulerDriver.continuous(10, 8, 8192);
    List<SchedulerDriver.Recorder> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(d.add("s" + i, 16, 40, 0));
    }
    d.drain();

    assertThat(d.metrics.preemptions.sum()).isPositive();
    assertThat(all).allSatisfy(r -> assertThat(r.finished()).isTrue());
    assertThat(all).allSatisfy(r -> assertThat(r.text().trim().split(" ")).hasSize(40));
    assertThat(all.get(0).seq.preemptions()).isZero();
    assertThat(all.get(3).seq.preemptions()).isPositive();
    assertThat(d.pool.used()).isZero();
  }

  @Test
  void admissionRespectsMaxSeqsAndTokenBudget() {
    SchedulerDriver d = SchedulerDriver.continuous(1000, 3, 100);
    for (int i = 0; i < 5; i++) {
      d.add("s" + i, 40, 3, 0);
    }
    d.step();
    // 100-token budget: two 40-token prompts and a 20-token chunk of the third.
    assertThat(d.scheduler.running()).isEqualTo(3);
    assertThat(d.scheduler.waiting()).isEqualTo(2);
    d.drain();
    assertThat(d.stats.peakRunning()).isEqualTo(3);
  }

  @Test
  void abortedSequenceLeavesAndFreesBlocks() {
    SchedulerDriver d = SchedulerDriver.continuous(100, 4, 8192);
    SchedulerDriver.Recorder r = d.add("s", 64, 100, 0);
    d.step();
    assertThat(d.pool.used()).isPositive();
    r.seq.abort();
    d.scheduler.remove(r.seq);
    assertThat(d.pool.used()).isZero();
    assertThat(d.step()).isFalse();
  }

  @Test
  void staticBatchWaitsForItsLongestMemberBeforeTheNextForms() {
    SchedulerDriver d = SchedulerDriver.staticBatches(1000, 2);
    SchedulerDriver.Recorder shortOne = d.add("short", 8, 3, 0);
    SchedulerDriver.Recorder longOne = d.add("long", 8, 10, 0);
    SchedulerDriver.Recorder next = d.add("next", 8, 2, 0);
    d.drain();

    assertThat(shortOne.finishedAtStep).isEqualTo(longOne.finishedAtStep).isEqualTo(10);
    assertThat(shortOne.text().trim().split(" ")).hasSize(3);
    assertThat(next.finishedAtStep).isEqualTo(12);
    assertThat(((StaticScheduler) d.scheduler).batchesFormed()).isEqualTo(2);
  }

  @Test
  void staticBatchReservesWholeOutputLimit() {
    // 10 blocks = 160 tokens; each request reserves 16 + 100 tokens = 8 blocks: one at a time.
    SchedulerDriver d = SchedulerDriver.staticBatches(10, 8);
    d.add("a", 16, 100, 0);
    d.add("b", 16, 100, 0);
    d.step();
    assertThat(d.scheduler.running()).isEqualTo(1);
    d.drain();
    assertThat(((StaticScheduler) d.scheduler).batchesFormed()).isEqualTo(2);
  }
}
