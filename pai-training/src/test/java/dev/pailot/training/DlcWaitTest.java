package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.training.DlcStubs.JOBS;
import static dev.pailot.training.DlcStubs.error;
import static dev.pailot.training.DlcStubs.fastWait;
import static dev.pailot.training.DlcStubs.jobJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiter transitions through WireMock scenarios; no timed assertions. */
class DlcWaitTest {
  @RegisterExtension static WireMockExtension wm = DlcStubs.server();

  private final List<ProgressEvent> events = DlcStubs.events();
  private Pai pai;
  private DlcClient dlc;

  @BeforeEach
  void setUp() {
    pai = DlcStubs.pai(wm, events);
    dlc = DlcClient.create(pai);
  }

  @AfterEach
  void tearDown() {
    dlc.close();
    pai.close();
  }

  /** GetJob answers with each response in turn, then keeps the last. */
  private static void lifecycle(ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      wm.stubFor(
          get(urlPathEqualTo(JOBS + "/dlc1"))
              .inScenario("life")
              .whenScenarioStateIs(state(i))
              .willReturn(answers[i])
              .willSetStateTo(state(Math.min(i + 1, answers.length - 1))));
    }
  }

  private static String state(int i) {
    return i == 0 ? STARTED : "step" + i;
  }

  private static ResponseDefinitionBuilder status(String status) {
    return okJson(jobJson("dlc1", status));
  }

  @Test
  void waitsThroughCreatingAndQueuingUntilRunning() {
    lifecycle(status("Creating"), status("Queuing"), status("Running"));
    List<ProgressEvent> own = new CopyOnWriteArrayList<>();

    Job job = dlc.waitUntilRunning("dlc1", fastWait().toBuilder().onProgress(own::add).build());

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    wm.verify(3, getRequestedFor(urlPathEqualTo(JOBS + "/dlc1")));
    assertThat(events)
        .extracting(e -> e.phase() + " " + e.attributes().get("status"))
        .containsExactly("WAITING Creating", "WAITING Queuing", "RUNNING Running");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.operation()).isEqualTo("dlc.job.wait");
              assertThat(e.resource()).isEqualTo("job/dlc1");
            });
    assertThat(own).isEqualTo(events);
  }

  @Test
  void waitingForRunningFailsFastOnFailed() {
    lifecycle(status("Queuing"), status("Failed"), status("Running"));

    assertThatThrownBy(() -> dlc.waitUntilRunning("dlc1", fastWait()))
        .isInstanceOfSatisfying(
            JobEndedException.class,
            e -> {
              assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
              assertThat(e.job().reasonCode()).hasValue("JobStoppedByUser");
              assertThat(e.getMessage()).contains("dlc1").contains("Failed").contains("Fix:");
            })
        .isInstanceOf(WaiterUnrecoverableStateException.class);
    wm.verify(2, getRequestedFor(urlPathEqualTo(JOBS + "/dlc1")));
    assertThat(events).last().extracting(ProgressEvent::phase).isEqualTo("ENDED");
  }

  @Test
  void waitingForRunningFailsFastOnStopped() {
    lifecycle(status("Stopped"));

    assertThatThrownBy(() -> dlc.waitUntilRunning("dlc1", fastWait()))
        .isInstanceOf(JobEndedException.class)
        .hasMessageContaining("Stopped");
    wm.verify(1, getRequestedFor(urlPathEqualTo(JOBS + "/dlc1")));
  }

  @Test
  void aJobThatAlreadySucceededHasRun() {
    lifecycle(status("Succeeded"));

    assertThat(dlc.waitUntilRunning("dlc1", fastWait()).status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void notFoundRightAfterCreateIsWaitedThrough() {
    lifecycle(error(404, "JobNotFound"), status("Running"));

    assertThat(dlc.waitUntilRunning("dlc1", fastWait()).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void waitUntilFinishedReturnsAFailedJobWithoutThrowing() {
    lifecycle(status("Running"), status("FailedReserving"), status("Failed"));

    Job job = dlc.waitUntilFinished("dlc1", fastWait());

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(events).last().extracting(ProgressEvent::phase).isEqualTo("FINISHED");
    wm.verify(3, getRequestedFor(urlPathEqualTo(JOBS + "/dlc1")));
  }

  @Test
  void waitUntilFinishedPassesReservingToSucceeded() {
    lifecycle(status("Running"), status("SucceededReserving"), status("Succeeded"));

    assertThat(dlc.waitUntilFinished("dlc1", fastWait()).status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void deadlineEndsTheWaitNamingTheLastState() {
    lifecycle(status("Queuing"));
    WaitOptions shortWait = fastWait().toBuilder().timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> dlc.waitUntilRunning("dlc1", shortWait))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("dlc1")
        .hasMessageContaining("Queuing");
  }

  @Test
  void asyncWaitCompletesOnTheClientsThread() throws Exception {
    lifecycle(status("Creating"), status("Running"));

    Job job = dlc.waitUntilRunningAsync("dlc1", fastWait()).get();

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void cancellingAnAsyncWaitStopsPolling() throws Exception {
    lifecycle(status("Queuing"));
    CompletableFuture<Job> wait = dlc.waitUntilFinishedAsync("dlc1", fastWait());
    DlcStubs.await("three polls", () -> wm.getAllServeEvents().size() >= 3);

    assertThat(wait.cancel(true)).isTrue();

    assertThatThrownBy(wait::get).isInstanceOf(CancellationException.class);
    int afterCancel = DlcStubs.settledRequestCount(wm);
    Thread.sleep(100);
    assertThat(wm.getAllServeEvents()).hasSize(afterCancel);
  }
}
