package dev.pailot.serving.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every callback in order, with the thread it ran on. */
final class RecordingListener implements StreamListener {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Delta> deltas = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<Boolean> daemon = new CopyOnWriteArrayList<>();
  volatile Usage usage;
  volatile ChatResult completed;
  volatile Throwable error;

  @Override
  public void onDelta(Delta delta) {
    deltas.add(delta);
    calls.add("delta");
    threads.add(Thread.currentThread().getName());
    daemon.add(Thread.currentThread().isDaemon());
  }

  @Override
  public void onUsage(Usage u) {
    usage = u;
    calls.add("usage");
  }

  @Override
  public void onComplete(ChatResult result) {
    completed = result;
    calls.add("complete");
  }

  @Override
  public void onError(Throwable e) {
    error = e;
    calls.add("error");
  }

  String text() {
    StringBuilder b = new StringBuilder();
    deltas.forEach(d -> b.append(d.text()));
    return b.toString();
  }
}
