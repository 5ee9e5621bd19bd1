package dev.pailot.serving.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.PriorityClass;
import dev.pailot.serving.client.internal.admission.AdaptiveAdmission;
import dev.pailot.serving.client.internal.admission.AdmissionController.Outcome;
import dev.pailot.serving.client.internal.admission.AdmissionController.Permit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** The {@code inference.concurrency.limit} gauge reports the adaptive limit as it moves. */
class AdaptiveLimitGaugeTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double gauge() {
    return registry.get(InferenceMetrics.LIMIT).gauge().value();
  }

  @Test
  void theGaugeFollowsTheAdaptiveLimit() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      AdaptiveAdmission admission =
          new AdaptiveAdmission(1, 5, 100, 0.2, 0, 10, timer, System::nanoTime);
      new InferenceMetrics(registry, "svc", admission);
      assertThat(gauge()).isEqualTo(5);
      for (int round = 0; round < 5; round++) {
        List<Permit> permits = new ArrayList<>();
        for (int i = admission.limit(); i > 0; i--) {
          permits.add(admission.acquire(PriorityClass.INTERACTIVE, Long.MAX_VALUE).join());
        }
        permits.forEach(p -> p.release(Outcome.SUCCESS, 10_000_000L));
      }
      assertThat(admission.limit()).isGreaterThan(5);
      assertThat(gauge()).isEqualTo(admission.limit());
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void theBuilderInstallsTheAdaptiveLimit() {
    try (InferenceClient client =
        InferenceClient.builder()
            .endpoint("http://127.0.0.1:1/api/predict/svc")
            .adaptiveConcurrency(AdaptiveConcurrency.of(2, 7, 50))
            .meterRegistry(registry)
            .build()) {
      assertThat(client).isNotNull();
      assertThat(gauge()).isEqualTo(7);
    }
  }

  @Test
  void theMaximumMustFitTheDispatcher() {
    assertThatThrownBy(
            () ->
                InferenceClient.builder()
                    .endpoint("http://127.0.0.1:1/api/predict/svc")
                    .maxRequests(64)
                    .adaptiveConcurrency(AdaptiveConcurrency.of(2, 7, 100))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("adaptiveConcurrency.maxLimit");
    assertThatThrownBy(() -> AdaptiveConcurrency.of(5, 2, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("initialLimit");
  }
}
