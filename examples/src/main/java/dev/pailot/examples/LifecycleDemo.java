package dev.pailot.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pailot.core.Pai;
import dev.pailot.examples.demo.ConsoleProgress;
import dev.pailot.examples.demo.DemoSummary;
import dev.pailot.examples.demo.ObservabilityStage;
import dev.pailot.examples.demo.ProvisioningStage;
import dev.pailot.examples.demo.RagStage;
import dev.pailot.examples.demo.RagSummary;
import dev.pailot.examples.demo.ServingStage;
import dev.pailot.examples.demo.TrainingStage;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import dev.pailot.training.spot.SpotRunReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The lifecycle demo: runs Pailot's lifecycle against an embedded LocalPai, with no credentials and
 * no cloud account: (1) provisions the network and the workspace, applies again and shows that
 * nothing changed; (2) trains on spot instances reclaimed twice and resumes from checkpoints; (3)
 * deploys v1 on EAS, shadows v2 and promotes it with a blue-green release under live traffic; (4)
 * answers questions with RAG inside per-stage latency budgets; (5) serves every metric at a {@code
 * /metrics} endpoint, writes the alert rules and the Grafana dashboard, and prints what a scrape
 * shows.
 *
 * <p>Run it with {@code mvn -B -q -pl examples exec:java} after {@code mvn -B -q install
 * -DskipTests}; add {@code -Dexec.args=--json} for a machine-readable summary on the last line.
 */
public final class LifecycleDemo {
  /** Where the demo writes its files (alert rules, dashboard), below the working directory. */
  static final Path OUTPUT = Path.of("target", "pailot-demo");

  private LifecycleDemo() {}

  /**
   * Entry point.
   *
   * @param args {@code --json} prints the final summary as JSON
   * @throws Exception if the demo fails; the message says which stage
   */
  public static void main(String[] args) throws Exception {
    boolean json = List.of(args).contains("--json");
    DemoSummary summary = run(System.out);
    if (json) {
      System.out.println(json(summary));
    }
  }

  /**
   * The summary as one line of JSON, as {@code --json} prints it.
   *
   * @param summary the demo's summary
   * @return JSON
   * @throws JsonProcessingException if a value cannot be written
   */
  public static String json(DemoSummary summary) throws JsonProcessingException {
    return new ObjectMapper()
        .findAndRegisterModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValueAsString(summary);
  }

  /**
   * Runs every stage against a fresh embedded LocalPai and returns the summary.
   *
   * @param out where progress is printed
   * @return what each stage did
   */
  public static DemoSummary run(PrintStream out) {
    LocalPaiOptions options = LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build();
    try (LocalPai localPai = LocalPai.start(options)) {
      out.println("Pailot lifecycle demo");
      out.println("LocalPai (embedded PAI emulator) at " + localPai.endpoint());
      try (ObservabilityStage metrics =
              ObservabilityStage.start(OUTPUT.resolve("observability"), out);
          Pai pai =
              localPai
                  .clientBuilder()
                  .listener(new ConsoleProgress(out))
                  .meterRegistry(metrics.registry())
                  .build()) {
        ProvisioningStage.Result provisioning = new ProvisioningStage(pai, localPai, out).run();
        SpotRunReport training = new TrainingStage(pai, localPai, out).run();
        ServingStage.Result serving = new ServingStage(pai, metrics.registry(), out).run();
        RagStage.Result rag =
            new RagStage(pai, RagStage.defaultDocs(), out).meterRegistry(metrics.registry()).run();
        return new DemoSummary(
            localPai.endpoint().toString(),
            pai.region(),
            provisioning,
            training,
            serving,
            RagSummary.of(rag),
            metrics.report());
      }
    }
  }
}
