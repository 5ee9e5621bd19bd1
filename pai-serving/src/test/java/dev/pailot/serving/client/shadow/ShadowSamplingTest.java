package dev.pailot.serving.client.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.shadow.internal.Sampler;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which requests are mirrored, and the recorder's bound. */
class ShadowSamplingTest {
  private static long picked(Sampler s) {
    return IntStream.range(0, 10_000).filter(i -> s.pick("req-" + i)).count();
  }

  @Test
  void hashSamplingIsDeterministicPerRequestIdAndNearTheShare() {
    ShadowSettings settings = ShadowSettings.builder().share(0.1).seed(7).build();
    Sampler a = new Sampler(settings);
    Sampler b = new Sampler(settings);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.pick("req-" + i)).isEqualTo(b.pick("req-" + i));
    }
    assertThat(picked(a)).isBetween(900L, 1100L); // fixed ids, so a fixed count
    Sampler otherSeed = new Sampler(settings.toBuilder().seed(8).build());
    assertThat(
            IntStream.range(0, 1000).filter(i -> a.pick("req-" + i) != otherSeed.pick("req-" + i)))
        .isNotEmpty();
  }

  @Test
  void seededRandomSamplingRepeatsWithTheSeedAndTheEdgesAreExact() {
    ShadowSettings random =
        ShadowSettings.builder()
            .share(0.25)
            .sampling(ShadowSettings.Sampling.RANDOM)
            .seed(3)
            .build();
    assertThat(picked(new Sampler(random))).isEqualTo(picked(new Sampler(random)));
    assertThat(picked(new Sampler(random))).isBetween(2300L, 2700L);
    assertThat(picked(new Sampler(random.toBuilder().share(0).build()))).isZero();
    assertThat(picked(new Sampler(random.toBuilder().share(1).build()))).isEqualTo(10_000);
  }

  @Test
  void theRecorderKeepsTheNewestUpToItsCapacity() {
    ShadowRecorder r = ShadowRecorder.withCapacity(2);
    for (int i = 0; i < 3; i++) {
      ShadowOutcome o = ShadowOutcome.builder().latency(java.time.Duration.ofMillis(i)).build();
      r.onComparison(
          ShadowComparison.builder()
              .requestId("r" + i)
              .operation("chat")
              .startedAt(java.time.Instant.EPOCH)
              .primary(o)
              .shadow(o)
              .build());
    }
    assertThat(r.comparisons()).extracting(ShadowComparison::requestId).containsExactly("r1", "r2");
    assertThat(r.recorded()).isEqualTo(3);
    assertThat(r.evicted()).isEqualTo(1);
  }
}
