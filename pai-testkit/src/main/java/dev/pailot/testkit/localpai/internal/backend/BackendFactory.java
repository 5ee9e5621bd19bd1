package dev.pailot.testkit.localpai.internal.backend;

import java.util.Optional;

/**
 * Creates the {@link ServiceBackend} of a replica from its EAS service JSON. The EAS emulation asks
 * its factories in order and uses the first that answers; a factory answers only for specs it
 * recognises (e.g. the LLM engine for a vLLM/SGLang/BladeLLM image or {@code metadata.type=LLM}).
 *
 * <p>Factories are registered in {@code LocalPai}'s list of backend factories. {@link #create} is
 * called while the EAS emulation holds its store's lock, on an event-loop thread (a control-plane
 * call) or on the EAS thread ({@code localpai-eas-scaler}): it must return quickly, never block,
 * and never call back into the EAS emulation. It is called again for a replica that restarts.
 */
@FunctionalInterface
public interface BackendFactory {
  /**
   * Creates a replica's backend.
   *
   * @param context the replica
   * @return the backend, or empty when this factory does not serve such a service
   */
  Optional<ServiceBackend> create(BackendContext context);
}
