package dev.pailot.examples.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.load.ArrivalProcess;
import dev.pailot.serving.load.LengthDistribution;
import dev.pailot.serving.load.LoadGenerator;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.LoadTarget;
import dev.pailot.serving.load.RunResult;
import dev.pailot.serving.load.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator snippets of docs/client.md, run against a vLLM service on LocalPai. */
class LoadGeneratorDocsTest {
  private static LocalLlm llm;

  @BeforeAll
  static void deploy() {
    llm =
        LocalLlm.startVllm(
            "docs_load",
            "vllm serve /mnt/model --max-num-seqs 64",
            "qwen2.5-0.5b-instruct",
            LocalLlm.defaultCosts());
  }

  @AfterAll
  static void stop() {
    llm.close();
  }

  @Test
  void runAndSweep(@TempDir Path dir) {
    LoadReport sweep = loadTest(llm.endpoint(), llm.token(), dir);

    assertThat(sweep.runs()).hasSize(3);
    assertThat(sweep.runs())
        .allSatisfy(
            r -> {
              assertThat(r.failed()).isZero();
              assertThat(r.succeeded()).isPositive();
              assertThat(r.timeToFirstToken()).isPresent();
              assertThat(r.outputTokensPerSecond()).isPositive();
            });
    assertThat(sweep.knee()).isPresent();
    assertThat(dir.resolve("sweep.html")).content().contains("<svg");
    assertThat(dir.resolve("sweep.json")).exists();
  }

  static LoadReport loadTest(String endpoint, String token, Path dir) {
    // tag::load[]
    try (InferenceClient client =
            InferenceClient.builder().endpoint(endpoint).token(token).concurrencyLimit(64).build();
        LoadGenerator load = LoadGenerator.create(LoadTarget.chatStream(client))) {
      LoadSpec spec =
          LoadSpec.builder()
              .arrivals(ArrivalProcess.poisson(20)) // or gamma(20, 0.5) for bursts
              .warmup(Duration.ofMillis(500)) // sent, left out of the results
              .duration(Duration.ofSeconds(2))
              .promptTokens(LengthDistribution.uniform(32, 256))
              .outputTokens(LengthDistribution.fixed(16))
              .slo(Slo.builder().timeToFirstToken(Duration.ofSeconds(1)).build())
              .build();
      RunResult run = load.run(spec); // latencies count from each intended send time
      System.out.printf("goodput %.1f req/s of %.1f offered%n", run.goodput(), run.offeredRate());

      LoadReport sweep = load.sweepRates("qwen on LocalPai", spec, List.of(5.0, 10.0, 20.0));
      sweep.knee().ifPresent(k -> System.out.println("knee at " + k.label()));
      sweep.writeTo(dir, "sweep"); // sweep.json, sweep.txt, sweep.html (inline SVG charts)
      return sweep;
    }
    // end::load[]
  }
}
