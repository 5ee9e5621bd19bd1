package dev.pailot.training.spot;

import dev.pailot.core.Pai;
import dev.pailot.core.pricing.PriceBook;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import dev.pailot.training.DlcClient;
import dev.pailot.training.JobSpec;
import dev.pailot.training.JobType;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The chaos benchmark of spot runs (not a unit test): many spot runs on LocalPai with seeded random
 * preemptions, checking that every run finishes, that no preemption loses more than one checkpoint
 * interval, that no two attempts of a run ever exist at the same time, and that the report's
 * savings match the price book. Writes a Markdown report and exits non-zero if a check fails.
 *
 * <pre>
 * mvn -B -q -pl pai-training -am -Pchaos verify -DskipTests
 * </pre>
 *
 * <p>Arguments: runs, seed, parallel runs, preemptions per emulated hour, report file.
 */
public final class ChaosBenchmark {
  static final int[] INTERVALS = {10, 20, 25, 40};
  static final long TOTAL_STEPS = 200;
  static final Duration TIME_SCALE = Duration.ofMillis(50);
  static final String INSTANCE_TYPE = "ecs.gn7i-c8g1.2xlarge";

  /**
   * The benchmark's settings.
   *
   * @param runs spot runs
   * @param seed LocalPai's random seed
   * @param parallel runs at once
   * @param ratePerHour spot preemptions per emulated hour of training
   * @param report where the Markdown report goes
   */
  record Config(int runs, long seed, int parallel, double ratePerHour, Path report) {
    static Config parse(String[] args) {
      return new Config(
          args.length > 0 ? Integer.parseInt(args[0]) : 50,
          args.length > 1 ? Long.parseLong(args[1]) : 7,
          args.length > 2 ? Integer.parseInt(args[2]) : 1,
          args.length > 3 ? Double.parseDouble(args[3]) : 10,
          Path.of(args.length > 4 ? args[4] : "target/chaos/chaos-report.md"));
    }
  }

  private ChaosBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args runs, seed, parallel, rate, report path
   * @throws Exception if the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    LocalPaiOptions options =
        LocalPaiOptions.builder().timeScale(TIME_SCALE).randomSeed(config.seed()).build();
    long started = System.nanoTime();
    List<ChaosChecks.RunResult> results = new ArrayList<>();
    ChaosCreateGuard guard = new ChaosCreateGuard();
    try (LocalPai localPai = LocalPai.start(options);
        Pai pai = localPai.clientBuilder().listener(guard).build();
        Pai observerPai = localPai.newClient();
        DlcClient observer = DlcClient.create(observerPai);
        SpotTraining training = SpotTraining.create(pai)) {
      guard.observeWith(observer);
      localPai.faults().dlcSpotPreemptionRate(config.ratePerHour());
      ExecutorService pool = Executors.newFixedThreadPool(config.parallel());
      try {
        List<Future<ChaosChecks.RunResult>> futures = new ArrayList<>();
        for (int i = 0; i < config.runs(); i++) {
          int n = i;
          futures.add(pool.submit(() -> runOne(n, training, localPai, observer, guard)));
        }
        for (Future<ChaosChecks.RunResult> f : futures) {
          results.add(f.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    boolean ok = ChaosReport.write(config, results, guard, elapsed);
    System.out.println(ChaosReport.summary(results, guard, elapsed));
    System.out.println("Report: " + config.report().toAbsolutePath());
    System.exit(ok ? 0 : 1);
  }

  private static ChaosChecks.RunResult runOne(
      int n, SpotTraining training, LocalPai localPai, DlcClient observer, ChaosCreateGuard guard) {
    int interval = INTERVALS[n % INTERVALS.length];
    String uri = "oss://chaos-bucket/run-" + n + "/";
    SpotRun run =
        training
            .spotRun(spec(n, interval, uri))
            .resumeOnPreemption()
            .maxAttempts(40)
            .pollInterval(Duration.ofMillis(20))
            .checkpointStore(LocalCheckpointStore.of(localPai.storagePath(uri)))
            .listener(guard::onRunEvent)
            .build();
    SpotRunReport report = run.await();
    return ChaosChecks.check(n, interval, report, localPai, observer, prices());
  }

  static PriceBook prices() {
    return PriceBook.defaults();
  }

  private static JobSpec spec(int n, int interval, String uri) {
    return JobSpec.builder()
        .displayName("chaos-" + n)
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("python train.py")
        .addRoles(
            RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                .podCount(2)
                .ecsSpec(INSTANCE_TYPE)
                .spot(SpotSpec.ofDiscountLimit(0.5))
                .build())
        .checkpoint(uri, "/mnt/ckpt/")
        .putEnvs("PAILOT_TOTAL_STEPS", Long.toString(TOTAL_STEPS))
        .putEnvs("PAILOT_CHECKPOINT_EVERY_STEPS", Integer.toString(interval))
        .build();
  }
}
