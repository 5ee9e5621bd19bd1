package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.testkit.localpai.EngineProfile;
import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineBackendFactoryTest {
  private static final Emulation EMULATION =
      new Emulation("cn-shanghai", "1", Clock.systemUTC(), Duration.ofMillis(100));

  private static Optional<ServiceBackend> create(com.fasterxml.jackson.databind.JsonNode spec) {
    return new EngineBackendFactory(EngineProfile.defaults())
        .create(new BackendContext("svc", 1, 0, spec, 7L, EMULATION));
  }

  @Test
  void answersOnlyForEngineSpecs() {
    assertThat(create(Specs.service("registry/web-app:1", "python app.py", Map.of()))).isEmpty();
    Optional<ServiceBackend> llm = create(Specs.fastVllm(""));
    assertThat(llm).isPresent();
    llm.get().close();
  }

  @Test
  void loadTimeFollowsModelSizeOnTheEmulatorsTimeScale() {
    ServiceBackend small = create(Specs.fastVllm("")).orElseThrow();
    ServiceBackend large =
        create(Specs.vllm("--model /m/Qwen2.5-72B --tensor-parallel-size 8", Map.of()))
            .orElseThrow();
    try {
      // 0.98 GB + 30 s warm-up: ~31 s = 0.52 emulated minutes; 145 GB + 30 s: ~2.9 minutes.
      assertThat(small.loadTime().toMillis()).isBetween(50L, 55L);
      assertThat(large.loadTime().toMillis()).isBetween(280L, 300L);
    } finally {
      small.close();
      large.close();
    }
  }
}
