package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.training.DlcStubs.JOBS;
import static dev.pailot.training.DlcStubs.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following a pod's log: each line once across overlapping polls; close stops polling. */
class LogFollowTest {
  @RegisterExtension static WireMockExtension wm = DlcStubs.server();

  private static final AtomicInteger PODS = new AtomicInteger();

  /**
   * A pod of its own per test: the server is shared by the class, and a poll still in flight when
   * the previous test closed its client must not move this test's scenario on.
   */
  private final String pod = "dlc1-worker-" + PODS.incrementAndGet();

  private final String logs = JOBS + "/dlc1/pods/" + pod + "/logs";

  private Pai pai;
  private DlcClient dlc;

  @BeforeEach
  void setUp() {
    pai = DlcStubs.pai(wm, DlcStubs.events());
    dlc = DlcClient.create(pai);
  }

  @AfterEach
  void tearDown() {
    dlc.close();
    pai.close();
  }

  private static LogFollowOptions fast() {
    return LogFollowOptions.builder()
        .pollInterval(Duration.ofMillis(1))
        .settleDelay(Duration.ZERO)
        .maxLinesPerPoll(100)
        .build();
  }

  /** Successive GetPodLogs answers, each window repeating the end of the previous one. */
  private void windows(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      wm.stubFor(
          get(urlPathEqualTo(logs))
              .inScenario("logs")
              .whenScenarioStateIs(state(i))
              .willReturn(okJson("{\"JobId\":\"dlc1\",\"Logs\":" + bodies[i] + "}"))
              .willSetStateTo(state(Math.min(i + 1, bodies.length - 1))));
    }
  }

  private static String state(int i) {
    return i == 0 ? STARTED : "poll" + i;
  }

  private static void awaitLines(List<String> lines, int n) {
    DlcStubs.await(n + " lines", () -> lines.size() >= n);
  }

  @Test
  void deliversEachLineOnceAcrossOverlappingPolls() throws Exception {
    windows(
        "[\"step 1\",\"step 2\"]",
        "[\"step 2\",\"step 3\"]",
        "[\"step 3\"]",
        "[\"step 3\",\"step 4\",\"step 4\"]",
        "[\"step 4\",\"step 4\"]");
    List<String> lines = new CopyOnWriteArrayList<>();

    try (LogSubscription sub = dlc.followLogs("dlc1", pod, lines::add, fast())) {
      awaitLines(lines, 5);
      // a few more polls of the last window: nothing new may appear
      DlcStubs.await("eight polls", () -> wm.getAllServeEvents().size() >= 8);
      assertThat(sub.isActive()).isTrue();
    }

    assertThat(lines).containsExactly("step 1", "step 2", "step 3", "step 4", "step 4");
  }

  @Test
  void startTimeAdvancesToThePreviousEndTime() {
    windows("[\"a\"]", "[\"a\",\"b\"]", "[\"b\"]");
    List<String> lines = new CopyOnWriteArrayList<>();

    try (LogSubscription sub = dlc.followLogs("dlc1", pod, lines::add, fast())) {
      awaitLines(lines, 2);
      DlcStubs.await("three polls", () -> wm.getAllServeEvents().size() >= 3);
      assertThat(sub.isActive()).isTrue();
    }
    assertThat(lines).containsExactly("a", "b");

    List<ServeEvent> polls = new ArrayList<>(wm.getAllServeEvents());
    Collections.reverse(polls); // WireMock lists the newest first
    assertThat(polls.get(0).getRequest().queryParameter("StartTime").isPresent()).isFalse();
    for (int i = 1; i < 3; i++) {
      String previousEnd = polls.get(i - 1).getRequest().queryParameter("EndTime").firstValue();
      assertThat(polls.get(i).getRequest().queryParameter("StartTime").firstValue())
          .isEqualTo(previousEnd)
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(polls.get(i).getRequest().queryParameter("MaxLines").firstValue())
          .isEqualTo("100");
      assertThat(polls.get(i).getRequest().getHeader("x-acs-action")).isEqualTo("GetPodLogs");
    }
  }

  @Test
  void closeStopsPolling() throws Exception {
    windows("[\"only\"]");
    List<String> lines = new CopyOnWriteArrayList<>();
    LogSubscription sub = dlc.followLogs("dlc1", pod, lines::add, fast());
    awaitLines(lines, 1);

    sub.close();

    assertThat(sub.isActive()).isFalse();
    assertThat(sub.completion()).isCompleted();
    int afterClose = DlcStubs.settledRequestCount(wm);
    Thread.sleep(100); // at 1 ms per poll, a live subscription would poll dozens of times
    assertThat(wm.getAllServeEvents()).hasSize(afterClose);
    sub.close(); // idempotent
    assertThat(lines).containsExactly("only");
  }

  @Test
  void closingTheClientClosesItsSubscriptions() {
    windows("[\"x\"]");
    List<String> lines = new CopyOnWriteArrayList<>();
    LogSubscription sub = dlc.followLogs("dlc1", pod, lines::add, fast());
    awaitLines(lines, 1);

    dlc.close();

    assertThat(sub.isActive()).isFalse();
    assertThat(sub.completion()).isCompleted();
  }

  @Test
  void aMissingPodStopsTheSubscriptionWithTheError() {
    wm.stubFor(get(urlPathEqualTo(logs)).willReturn(error(404, "PodNotFound")));

    LogSubscription sub = dlc.followLogs("dlc1", pod, line -> {}, fast());

    assertThat(sub.completion())
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ResourceNotFoundException.class);
    assertThat(sub.isActive()).isFalse();
  }

  @Test
  void transientErrorsDoNotStopFollowing() {
    wm.stubFor(
        get(urlPathEqualTo(logs))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(503, "ServiceUnavailable"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(logs))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"Logs\":[\"recovered\"]}")));
    List<String> lines = new CopyOnWriteArrayList<>();

    try (LogSubscription sub = dlc.followLogs("dlc1", pod, lines::add, fast())) {
      awaitLines(lines, 1);
      assertThat(sub.isActive()).isTrue();
    }
    assertThat(lines).containsExactly("recovered");
  }
}
