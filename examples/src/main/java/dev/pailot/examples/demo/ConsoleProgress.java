package dev.pailot.examples.demo;

import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.event.RetryEvent;
import java.io.PrintStream;

/** Prints the SDK's progress events as one human-readable line each. Thread-safe. */
public final class ConsoleProgress implements PaiListener {
  private final PrintStream out;

  /**
   * Creates the printer.
   *
   * @param out where lines go
   */
  public ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onProgress(ProgressEvent event) {
    out.printf("  [%s] %-9s %s%n", event.operation(), event.phase(), event.message());
  }

  @Override
  public void onRetryScheduled(RetryEvent event) {
    out.printf(
        "  [retry] %s %s after %s, waiting %d ms%n",
        event.product(),
        event.action(),
        event.errorCode().orElse("HTTP " + event.httpStatus()),
        event.delay().toMillis());
  }
}
