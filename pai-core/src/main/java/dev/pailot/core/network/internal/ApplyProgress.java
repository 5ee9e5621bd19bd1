package dev.pailot.core.network.internal;

import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PaiRuntime;
import java.util.Map;

/** Publishes {@code network.apply} progress events through the runtime's listener. */
final class ApplyProgress {
  static final String OPERATION = "network.apply";
  static final String CREATING = "CREATING";
  static final String CREATED = "CREATED";
  static final String UNCHANGED = "UNCHANGED";
  static final String WAITING = "WAITING";
  static final String AVAILABLE = "AVAILABLE";
  static final String DRIFT = "DRIFT";

  private final PaiRuntime runtime;
  private final String network;

  ApplyProgress(PaiRuntime runtime, String network) {
    this.runtime = runtime;
    this.network = network;
  }

  void emit(String phase, String resource, String message, Map<String, String> attributes) {
    runtime.progress(
        ProgressEvent.builder()
            .operation(OPERATION)
            .resource(resource)
            .phase(phase)
            .message(message)
            .putAttributes("network", network)
            .putAllAttributes(attributes)
            .build());
  }

  void emit(String phase, String resource, String message) {
    emit(phase, resource, message, Map.of());
  }

  void emit(String phase, String resource, String message, String id) {
    emit(phase, resource, message, Map.of("id", id));
  }
}
