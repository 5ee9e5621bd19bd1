package dev.pailot.testkit.localpai.internal.backend;

import java.util.Optional;

/**
 * Creates the {@link ServiceBackend} of a replica from its EAS service JSON. The EAS emulation asks
 * its factories in order and uses the first that answers; a factory answers only for specs it
 * recognises (e.g. the LLM engine for a vLLM/SGLang/BladeLLM image or {@code metadata.type=LLM}).
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
