package dev.pailot.core.workspace.internal;

import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PaiRuntime;

/**
 * Publishes {@code workspace.ensure} progress events to the {@code Pai}'s listener. Each event
 * carries one machine-readable attribute (an id, a status or a field). Thread-safe.
 */
final class EnsureEvents {
  static final String OPERATION = "workspace.ensure";

  private final PaiRuntime runtime;

  EnsureEvents(PaiRuntime runtime) {
    this.runtime = runtime;
  }

  /** Starts an event for a resource such as {@code workspace/llm_prod} in a phase. */
  Event at(String resource, String phase) {
    return new Event(resource, phase);
  }

  /** One event being described; {@link #say} publishes it. */
  final class Event {
    private final ProgressEvent.Builder b = ProgressEvent.builder().operation(OPERATION);

    private Event(String resource, String phase) {
      b.resource(resource).phase(phase);
    }

    Event with(String key, String value) {
      b.putAttributes(key, value);
      return this;
    }

    void say(String message) {
      runtime.progress(b.message(message).build());
    }
  }
}
