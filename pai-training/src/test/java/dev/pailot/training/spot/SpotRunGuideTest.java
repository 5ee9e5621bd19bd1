package dev.pailot.training.spot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.core.pricing.PriceBook;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import dev.pailot.training.DlcClient;
import dev.pailot.training.JobSpec;
import dev.pailot.training.checkpoint.CheckpointStore;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import dev.pailot.training.checkpoint.OssCheckpointStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/training.md, section "Spot runs", run against LocalPai. Tagged regions are
 * copied into the guide by scripts/sync-snippets.py; DocSnippetsTest keeps them equal.
 */
class SpotRunGuideTest {
  private LocalPai localPai;
  private Pai pai;
  private final Duration poll = Duration.ofMillis(20);

  @BeforeEach
  void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
  }

  @AfterEach
  void stop() {
    pai.close();
    localPai.close();
  }

  private static JobSpec spec() {
    return SpotRunOnLocalPaiTest.spec();
  }

  private CheckpointStore localStore(JobSpec spec) {
    // tag::local-store[]
    CheckpointStore store =
        LocalCheckpointStore.of(localPai.storagePath(spec.checkpoint().orElseThrow().uri()));
    // end::local-store[]
    return store;
  }

  @Test
  void aSpotRunSurvivesAPreemption() {
    JobSpec spec = spec();
    CheckpointStore store = localStore(spec);
    localPai.faults().preemptNextSpotDlcJob(35);
    // tag::spot-run[]
    SpotTraining training = SpotTraining.create(pai); // one per Pai, shared; close it at the end
    SpotRunReport report =
        training
            .spotRun(spec) // the job, with a checkpoint location
            .resumeOnPreemption()
            .maxAttempts(10)
            .deadline(Duration.ofHours(12))
            .budget(new BigDecimal("200.00")) // in the price book's currency
            .fallbackToOnDemandAfter(3)
            .gangStartTimeout(Duration.ofMinutes(10))
            .pollInterval(poll) // default 15 s
            .checkpointStore(store)
            .listener(event -> System.out.println(event.type() + " " + event.message()))
            .build()
            .await(); // the report, whatever the outcome
    System.out.println(report.toText());
    report.requireSucceeded(); // or SpotRunFailedException, with the log tail of a failure
    // end::spot-run[]
    training.close();
    assertThat(report.preemptions()).isEqualTo(1);
    assertThat(report.attempts().get(1).resumedFromStep()).isEqualTo(30);
    // tag::report[]
    String json = report.toJson(); // plain data, for a portal to store
    for (AttemptReport a : report.attempts()) {
      System.out.println(a.number() + " " + a.jobId() + " " + a.ending() + " " + a.detail());
    }
    report.savings().ifPresent(s -> System.out.println("saved " + s + " " + report.currency()));
    // end::report[]
    assertThat(SpotRunReport.fromJson(json)).isEqualTo(report);
  }

  @Test
  void aRunStartsAsynchronouslyAndStops() {
    JobSpec spec = spec();
    CheckpointStore store = localStore(spec);
    try (SpotTraining training = SpotTraining.create(pai)) {
      // tag::async[]
      SpotRun run =
          training
              .spotRun(spec)
              .resumeOnPreemption()
              .pollInterval(poll)
              .checkpointStore(store)
              .build();
      CompletableFuture<SpotRunReport> done = run.start(); // on the client's threads
      done.thenAccept(r -> System.out.println(run.name() + " " + r.outcome()));
      run.stop(); // stops the current DLC job, waits until it is Stopped; submits nothing more
      SpotRunReport report = done.join(); // outcome STOPPED
      // end::async[]
      assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED);
    }
  }

  @Test
  void clientsStoresAndClassifiers() {
    JobSpec spec = spec();
    String contractPrices =
        "{\"currency\":\"USD\",\"instances\":{\"ecs.gn7i-c8g1.2xlarge\":"
            + "{\"onDemandHourly\":2.60,\"spotHourly\":0.70}}}";
    try (DlcClient dlc = DlcClient.create(pai)) {
      // tag::client[]
      SpotTraining training =
          SpotTraining.builder(pai)
              .priceBook(PriceBook.defaults().merge(PriceBook.fromJson(contractPrices)))
              .dlcClient(dlc) // optional: share one DLC client
              .build();
      // end::client[]
      // tag::oss-store[]
      try (OssCheckpointStore store =
          OssCheckpointStore.builder()
              .uri(spec.checkpoint().orElseThrow().uri()) // oss://bucket[.endpoint]/path/
              .region(pai.region()) // for a URI without an endpoint
              .credentials(pai.credentials()) // needs oss:ListObjects on the bucket
              .build()) {
        SpotRun run = training.spotRun(spec).resumeOnPreemption().checkpointStore(store).build();
        // run.await(): keep the store open until the run ends
        // end::oss-store[]
        assertThat(run.name()).isEqualTo(spec.displayName());
      }
      // tag::classifier[]
      PreemptionClassifier classifier =
          DefaultPreemptionClassifier.builder() // the defaults, plus:
              .addReasonCodes("NodeRecycled")
              .addPatterns("(?i)instance .* released")
              .build();
      SpotRun run =
          training
              .spotRun(spec)
              .resumeOnPreemption()
              .classifier(classifier)
              .checkpointStore(localStore(spec))
              .build();
      // end::classifier[]
      assertThat(run.policy().resumeOnPreemption()).isTrue();
      training.close();
    }
  }
}
