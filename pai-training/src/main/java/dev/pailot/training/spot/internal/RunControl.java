package dev.pailot.training.spot.internal;

/**
 * A run's stop request, its abandonment (the client closed), and the thread to wake for them. The
 * run's thread is interrupted only while it watches an attempt (polling GetJob): never while it
 * creates or stops a job, so a stop can never cut a CreateJob short and leave an unknown job
 * behind. Thread-safe.
 */
public final class RunControl {
  private final Object lock = new Object();
  private boolean stopRequested;
  private boolean abandoned;
  private Thread watcher;

  /** Asks the run to stop its job and end; wakes it if it is watching. Idempotent. */
  public void requestStop() {
    synchronized (lock) {
      stopRequested = true;
      wake();
    }
  }

  /** Tells the run its client closed: it ends without touching its job. Idempotent. */
  public void abandon() {
    synchronized (lock) {
      abandoned = true;
      wake();
    }
  }

  /**
   * Whether a stop was requested.
   *
   * @return stop requested
   */
  public boolean stopRequested() {
    synchronized (lock) {
      return stopRequested;
    }
  }

  /**
   * Whether the client closed under the run.
   *
   * @return abandoned
   */
  public boolean abandoned() {
    synchronized (lock) {
      return abandoned;
    }
  }

  /** The calling thread starts watching: from now on a stop interrupts it. */
  void enterWatch() {
    synchronized (lock) {
      watcher = Thread.currentThread();
    }
  }

  /** The calling thread stops watching; a pending interrupt (from a stop) is cleared. */
  void leaveWatch() {
    synchronized (lock) {
      watcher = null;
      // Only requestStop and abandon interrupt this thread, and their flags record it.
      Thread.interrupted();
    }
  }

  private void wake() {
    if (watcher != null) {
      watcher.interrupt();
    }
  }
}
