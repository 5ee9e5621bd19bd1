package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.EngineProfile;
import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates emulated LLM (vLLM, SGLang, BladeLLM), embedding and rerank replicas from EAS service
 * specs; answers empty for anything else (e.g. a plain web container), so the EAS emulation can
 * fall through to its other factories. Each LLM replica runs its own engine thread until {@link
 * ServiceBackend#close()}. Thread-safe and stateless.
 *
 * <p>A spec whose values cannot be read gives a replica that answers 503 with the reason, the way a
 * crashing container would surface, rather than an exception in the control plane.
 */
public final class EngineBackendFactory implements BackendFactory {
  private final EngineProfile defaults;

  /** A factory with {@link EngineProfile#defaults()}. */
  public EngineBackendFactory() {
    this(EngineProfile.defaults());
  }

  /**
   * A factory whose replicas start from {@code defaults}; each spec may still override them.
   *
   * @param defaults engine defaults
   */
  public EngineBackendFactory(EngineProfile defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  @Override
  public Optional<ServiceBackend> create(BackendContext context) {
    Optional<EngineConfig> config;
    try {
      config = ServiceSpecReader.read(context.serviceConfig(), defaults, context.seed());
    } catch (IllegalArgumentException e) {
      return Optional.of(new FailedBackend(e.getMessage()));
    }
    String thread =
        "localpai-engine-"
            + context.serviceName()
            + "-v"
            + context.version()
            + "-"
            + context.replicaIndex();
    return config.map(c -> new EngineBackend(c, minute(context), thread));
  }

  /** The emulator's real duration of one emulated minute. */
  private static Duration minute(BackendContext context) {
    return Duration.between(Instant.EPOCH, context.emulation().after(Instant.EPOCH, 1.0));
  }
}
