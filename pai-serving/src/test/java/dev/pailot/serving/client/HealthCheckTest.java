package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.testkit.SecretLeakGuard;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The active health check: an endpoint whose {@code /health} fails takes no traffic until it passes
 * again; the probe carries the endpoint's token.
 */
class HealthCheckTest {
  private static final String TOKEN = "probe-token-never-logged-5a6b";

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret(TOKEN);

  private MockWebServer sick;
  private MockWebServer well;
  private final AtomicBoolean sickIsHealthy = new AtomicBoolean(false);
  private final AtomicInteger chatsOnSick = new AtomicInteger();
  private final AtomicInteger probesWithToken = new AtomicInteger();

  /** Answers {@code /health} as told and every other path with a whole chat answer. */
  private Dispatcher engine(AtomicBoolean healthy, AtomicInteger chats) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/health")) {
          if (TOKEN.equals(request.getHeaders().get("Authorization"))) {
            probesWithToken.incrementAndGet();
          }
          return new MockResponse.Builder().code(healthy.get() ? 200 : 503).build();
        }
        chats.incrementAndGet();
        return Sse.json(200, Sse.wholeAnswer("ok")).build();
      }
    };
  }

  @BeforeEach
  void start() throws IOException {
    sick = new MockWebServer();
    sick.setDispatcher(engine(sickIsHealthy, chatsOnSick));
    sick.start();
    well = new MockWebServer();
    well.setDispatcher(engine(new AtomicBoolean(true), new AtomicInteger()));
    well.start();
  }

  @AfterEach
  void stop() {
    sick.close();
    well.close();
  }

  @Test
  void anEndpointFailingItsHealthCheckTakesNoTrafficUntilItPasses() {
    try (InferenceClient client =
        InferenceClient.builder()
            .addEndpoint(
                Endpoint.builder()
                    .url(sick.url("/api/predict/m").toString())
                    .token(TOKEN)
                    .weight(1000)
                    .build())
            .addEndpoint(Endpoint.of(well.url("/api/predict/m").toString(), TOKEN))
            .failover(
                FailoverOptions.builder()
                    .healthCheckPath("/health")
                    .healthCheckInterval(Duration.ofMillis(50))
                    .build())
            .build()) {
      Await.until(
          () -> client.endpointStatus().get(0).state() == EndpointStatus.State.UNHEALTHY,
          "the first probe");
      for (int i = 0; i < 5; i++) {
        assertThat(client.chat(ChatRequest.builder().user("Hi").build()).timings().endpoint())
            .isEqualTo(well.url("/api/predict/m").toString());
      }
      assertThat(chatsOnSick.get()).isZero();

      sickIsHealthy.set(true);
      Await.until(
          () -> client.endpointStatus().get(0).state() == EndpointStatus.State.AVAILABLE,
          "a passing probe");
      client.chat(ChatRequest.builder().user("Hi").build());
      assertThat(chatsOnSick.get()).isEqualTo(1);
      assertThat(probesWithToken.get()).isPositive();
    }
  }
}
