package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.testkit.SecretLeakGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The endpoint pool against LocalPai: two EAS services serving the same model, each behind the
 * gateway with its own token; a replica is killed under load ({@code easKillReplica}: in-flight
 * sequences end, the gateway answers 503 until the replica has reloaded), and the engines' own
 * {@code /metrics} steer the adaptive limit.
 */
class LocalPaiPoolTest {
  private static LocalEas eas;

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create();

  /** A vLLM service with {@code maxSeqs} running at once and a given step time. */
  private static ServiceSpec engine(String name, int maxSeqs, int stepMicros) {
    return LocalEas.vllm(
        name,
        maxSeqs,
        Map.of(
            "LOCALPAI_STEP_BASE_US",
            String.valueOf(stepMicros),
            // Reloading after a kill takes about a second at this time scale.
            "LOCALPAI_WARMUP_S",
            "3000"));
  }

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(engine("pool_a", 256, 500));
    eas.create(engine("pool_b", 256, 500));
    eas.create(engine("narrow_a", 1, 20_000));
    eas.create(engine("narrow_b", 256, 500));
    eas.create(engine("steered", 4, 5_000));
    for (String name : List.of("pool_a", "pool_b", "narrow_a", "narrow_b", "steered")) {
      eas.awaitRunning(name);
    }
  }

  @AfterAll
  static void stop() {
    eas.close();
  }

  private Endpoint endpoint(String service, int weight) {
    String token = eas.token(service);
    guard.secret(token);
    return Endpoint.builder().url(eas.endpoint(service)).token(token).weight(weight).build();
  }

  private static ChatRequest words(int n) {
    return ChatRequest.builder().model("qwen").user("Tell me about EAS.").maxTokens(n).build();
  }

  @Test
  void killingOneServicesReplicaUnderLoadFailsNoRequest() throws Exception {
    FailoverOptions failover =
        FailoverOptions.builder()
            .consecutiveFailures(2)
            .baseEjectionTime(Duration.ofMillis(200))
            .breakerDelay(Duration.ofMillis(300))
            .build();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (InferenceClient client =
        InferenceClient.builder()
            .addEndpoint(endpoint("pool_a", 1))
            .addEndpoint(endpoint("pool_b", 1))
            .failover(failover)
            .build()) {
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      ChatResult r = client.chat(words(16));
                      if (r.timings().attempts() > 1) {
                        retried.incrementAndGet();
                      }
                      done.incrementAndGet();
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                    }
                  }
                });
        t.start();
        workers.add(t);
      }
      Await.until(() -> done.get() >= 50, "50 answers before the kill");
      eas.localPai.faults().easKillReplica("pool_a");
      int atKill = done.get();
      Await.until(() -> client.endpointStatus().get(0).faults() > 0, "faults on the killed one");
      Await.until(() -> done.get() >= atKill + 100, "100 answers after the kill");
      eas.awaitRunning("pool_a");
      long attemptsBefore = client.endpointStatus().get(0).attempts();
      // Readmitted after its ejection: pool_a answers again, and its breaker closes once the
      // half-open trial requests succeed (how long that takes depends on the machine's speed).
      Await.until(
          () -> {
            EndpointStatus poolA = client.endpointStatus().get(0);
            return poolA.attempts() > attemptsBefore + 5
                && poolA.state() == EndpointStatus.State.AVAILABLE;
          },
          "traffic to the reloaded replica, breaker closed");
      stop.set(true);
      for (Thread t : workers) {
        t.join(Await.GUARD_SECONDS * 1000);
      }

      System.out.printf(
          "replica kill: %d answers, %d retried, %d failed; pool_a %s%n",
          done.get(), retried.get(), failures.get(), client.endpointStatus().get(0));
      assertThat(failures.get()).isZero();
      assertThat(retried.get()).isPositive();
      assertThat(client.endpointStatus().get(0).state()).isEqualTo(EndpointStatus.State.AVAILABLE);
    }
  }

  @Test
  void aKilledReplicasWaitingStreamsAreRetriedAndItsRunningStreamFailsOnce() {
    // narrow_a runs one sequence at a time, slowly; its weight sends every stream there first.
    try (InferenceClient client =
        InferenceClient.builder()
            .addEndpoint(endpoint("narrow_a", 1000))
            .addEndpoint(endpoint("narrow_b", 1))
            .build()) {
      String narrowA = eas.endpoint("narrow_a");
      String tokenA = eas.token("narrow_a");
      CountDownLatch firstDelta = new CountDownLatch(1);
      RecordingListener running = new RecordingListener();
      StreamHandle first =
          client.stream(
              words(5000),
              new StreamListener() {
                @Override
                public void onDelta(Delta delta) {
                  running.onDelta(delta);
                  firstDelta.countDown();
                }

                @Override
                public void onError(Throwable error) {
                  running.onError(error);
                }
              });
      Await.latch(firstDelta, "the running stream's first delta");
      List<CompletableFuture<ChatResult>> waiting = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiting.add(client.stream(words(8), new RecordingListener()).result());
      }
      Await.until(
          () -> LocalEas.engineMetric(narrowA, tokenA, "vllm:num_requests_waiting") == 3,
          "three streams waiting in narrow_a's engine");

      eas.localPai.faults().easKillReplica("narrow_a");

      Throwable failure = Await.failure(first.result());
      assertThat(failure).isInstanceOf(InferenceResponseException.class);
      assertThat(((InferenceResponseException) failure).deltasReceived()).isPositive();
      assertThat(running.calls.stream().filter("error"::equals)).hasSize(1);
      for (CompletableFuture<ChatResult> f : waiting) {
        ChatResult r = Await.result(f);
        assertThat(r.usage().orElseThrow().completionTokens()).isEqualTo(8);
        assertThat(r.timings().attempts()).isEqualTo(2);
        assertThat(r.timings().endpoint()).isEqualTo(eas.endpoint("narrow_b"));
      }
    }
  }

  @Test
  void engineQueueingCapsTheAdaptiveLimit() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (InferenceClient client =
        InferenceClient.builder()
            .addEndpoint(endpoint("steered", 1))
            .meterRegistry(registry)
            .adaptiveConcurrency(AdaptiveConcurrency.of(1, 16, 64))
            .steerByEngineMetrics(
                EngineMetricsSteering.builder().pollInterval(Duration.ofMillis(100)).build())
            .build()) {
      // 16 callers in a closed loop on an engine that runs 4 at a time: the rest queue in the
      // engine until steering cuts the client's limit.
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger failures = new AtomicInteger();
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      client.chat(words(20));
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                    }
                  }
                });
        t.start();
        callers.add(t);
      }
      try {
        Await.until(
            () -> registry.get("inference.engine.saturated").counter().count() >= 3,
            "three saturated scrape intervals");
        // Under pressure the limit was cut below its initial 16 and held there.
        double limit = registry.get("inference.concurrency.limit").gauge().value();
        assertThat(limit).isLessThan(16);
      } finally {
        stop.set(true);
        for (Thread t : callers) {
          t.join(Await.GUARD_SECONDS * 1000);
        }
      }
      assertThat(failures.get()).isZero();
      assertThat(registry.get("inference.engine.requests.waiting").gauge().value()).isNotNaN();
    }
  }
}
