package dev.pailot.training.spot;

import dev.pailot.core.event.CallEvent;
import dev.pailot.core.event.PaiListener;
import dev.pailot.training.DlcClient;
import dev.pailot.training.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos benchmark's independent check that attempts never overlap: just before a run's thread
 * sends CreateJob, it asks DLC (through a separate client) for the state of every earlier job of
 * that run, and records a violation if one is not terminal. The {@code Pai} listener and the run
 * listener are both called on the run's thread, which ties a CreateJob to its run.
 */
final class ChaosCreateGuard implements PaiListener {
  private final Map<Thread, List<String>> jobsByThread = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger creates = new AtomicInteger();
  private final AtomicInteger jobsChecked = new AtomicInteger();
  private volatile DlcClient observer;

  void observeWith(DlcClient dlc) {
    this.observer = dlc;
  }

  /** The run listener: remembers each submitted job; forgets the run when it finishes. */
  void onRunEvent(SpotRunEvent event) {
    Thread t = Thread.currentThread();
    if (event.type() == SpotRunEventType.ATTEMPT_SUBMITTED) {
      jobsByThread.computeIfAbsent(t, k -> new ArrayList<>()).add(event.jobId().orElseThrow());
    } else if (event.type() == SpotRunEventType.FINISHED) {
      jobsByThread.remove(t);
    }
  }

  @Override
  public void onCallStarted(CallEvent event) {
    if (!"CreateJob".equals(event.action())) {
      return;
    }
    creates.incrementAndGet();
    for (String id : jobsByThread.getOrDefault(Thread.currentThread(), List.of())) {
      jobsChecked.incrementAndGet();
      try {
        Job job = observer.getJob(id);
        if (!job.status().isTerminal()) {
          violations.add(id + " was " + job.statusText() + " when the next attempt was created");
        }
      } catch (RuntimeException e) {
        // The Pai listener swallows exceptions; an unchecked job must not pass silently.
        violations.add(id + " could not be checked before the next attempt: " + e);
      }
    }
  }

  int creates() {
    return creates.get();
  }

  int jobsChecked() {
    return jobsChecked.get();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }
}
