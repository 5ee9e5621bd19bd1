package dev.pailot.examples.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.InferenceClientBuilder;
import dev.pailot.serving.client.Transport;
import dev.pailot.serving.load.ArrivalProcess;
import dev.pailot.serving.load.LengthDistribution;
import dev.pailot.serving.load.LoadGenerator;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.LoadTarget;
import dev.pailot.serving.load.Slo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the load generator against an embedded LocalPai vLLM service (default) or a real EAS
 * endpoint, and writes the report (JSON, text, HTML) to an output directory.
 *
 * <pre>
 * mvn -B -q -pl examples -am -Pload process-classes -Dexec.args="--rate 20 --duration 30 --slo-ttft-ms 1000"
 * </pre>
 */
@Command(
    name = "load-generator",
    mixinStandardHelpOptions = true,
    description = "Open-loop load against an OpenAI-compatible EAS service; writes a report.")
public final class LoadGeneratorMain implements Callable<Integer> {
  @Option(names = "--endpoint", description = "EAS service endpoint; default: embedded LocalPai")
  String endpoint;

  @Option(names = "--token-env", description = "environment variable holding the EAS token")
  String tokenEnv = "EAS_TOKEN";

  @Option(names = "--model", description = "model name sent in requests")
  String model = "qwen";

  @Option(names = "--rate", description = "offered rate, requests/s (default ${DEFAULT-VALUE})")
  double rate = 10;

  @Option(names = "--burstiness", description = "Gamma shape of the gaps; 1 = Poisson")
  double burstiness = 1;

  @Option(names = "--duration", description = "measured seconds per run")
  int durationSeconds = 30;

  @Option(names = "--warmup", description = "warm-up seconds per run, excluded")
  int warmupSeconds = 5;

  @Option(
      names = "--prompt-tokens",
      description = "N, MIN..MAX or a,b,c (default ${DEFAULT-VALUE})")
  String promptTokens = "128";

  @Option(
      names = "--output-tokens",
      description = "N, MIN..MAX or a,b,c (default ${DEFAULT-VALUE})")
  String outputTokens = "128";

  @Option(names = "--slo-ttft-ms", description = "TTFT objective, ms")
  Long sloTtftMs;

  @Option(names = "--slo-tpot-ms", description = "TPOT objective, ms")
  Long sloTpotMs;

  @Option(names = "--slo-e2e-ms", description = "end-to-end objective, ms")
  Long sloE2eMs;

  @Option(names = "--sweep-rates", split = ",", description = "offered rates to sweep")
  List<Double> sweepRates;

  @Option(names = "--sweep-concurrency", split = ",", description = "client limits to sweep")
  List<Integer> sweepConcurrency;

  @Option(names = "--concurrency", description = "client concurrency limit")
  int concurrency = InferenceClientBuilder.DEFAULT_CONCURRENCY_LIMIT;

  @Option(
      names = "--adaptive",
      description = "adaptive limit MIN,INITIAL,MAX instead of a fixed one")
  String adaptive;

  @Option(
      names = "--ttft-target-ms",
      description =
          "with --adaptive: steer the limit to this time-to-first-token objective (99th percentile"
              + " of the HTTP call; about half the TTFT SLO)")
  Long ttftTargetMs;

  @Option(
      names = "--transport",
      description =
          "HTTP stack: OKHTTP (thread per call) or APACHE_ASYNC (non-blocking; streams hold no"
              + " thread) (default ${DEFAULT-VALUE})")
  Transport transport = Transport.OKHTTP;

  @Option(names = "--max-in-flight", description = "closed-loop cap of the generator")
  Integer maxInFlight;

  @Option(names = "--seed", description = "seed of arrivals and lengths")
  long seed = 42;

  @Option(names = "--out", description = "report directory (default ${DEFAULT-VALUE})")
  Path out = Path.of("target", "load-report");

  @Option(names = "--engine-script", description = "LocalPai engine command line")
  String engineScript = "vllm serve /mnt/model --max-num-seqs 64";

  LoadGeneratorMain() {}

  /**
   * Entry point.
   *
   * @param args see {@code --help}
   */
  public static void main(String[] args) {
    int code = new CommandLine(new LoadGeneratorMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    LocalLlm local = null;
    String url = endpoint;
    String token;
    if (endpoint == null) {
      local =
          LocalLlm.startVllm(
              "loadgen_qwen", engineScript, "qwen2.5-0.5b-instruct", LocalLlm.defaultCosts());
      url = local.endpoint();
      token = local.token();
    } else {
      token = System.getenv(tokenEnv);
      if (token == null || token.isBlank()) {
        System.err.println("set the EAS token in $" + tokenEnv);
        return 2;
      }
    }
    try {
      LoadReport report = run(url, token);
      Map<String, String> notes = new LinkedHashMap<>(report.notes());
      notes.put("target", local != null ? "embedded LocalPai: " + engineScript : url);
      notes.put("load average", Files.readString(Path.of("/proc/loadavg")).trim());
      report = report.toBuilder().notes(notes).build();
      report.writeTo(out, "load-report");
      System.out.print(report.toText());
      System.out.println("report: " + out.toAbsolutePath() + "/load-report.{json,txt,html}");
      return 0;
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  private LoadReport run(String url, String token) {
    LoadSpec spec = spec();
    if (sweepConcurrency != null) {
      return LoadGenerator.sweepConcurrency(
          "Concurrency sweep at " + rate + " req/s",
          spec,
          sweepConcurrency,
          limit -> target(client(url, token, limit, null, null, transport)));
    }
    try (InferenceClient client =
            client(url, token, concurrency, adaptive, ttftTargetMs, transport);
        LoadGenerator load = LoadGenerator.create(target(client))) {
      if (sweepRates != null) {
        return load.sweepRates("Rate sweep", spec, sweepRates);
      }
      return LoadReport.builder().title("Load run").addRuns(load.run(spec)).slo(spec.slo()).build();
    }
  }

  private LoadTarget target(InferenceClient client) {
    return LoadTarget.chatStream(client, b -> b.model(model)).closing(client);
  }

  private LoadSpec spec() {
    Slo.Builder slo = Slo.builder();
    if (sloTtftMs != null) {
      slo.timeToFirstToken(Duration.ofMillis(sloTtftMs));
    }
    if (sloTpotMs != null) {
      slo.timePerOutputToken(Duration.ofMillis(sloTpotMs));
    }
    if (sloE2eMs != null) {
      slo.endToEnd(Duration.ofMillis(sloE2eMs));
    }
    LoadSpec.Builder spec =
        LoadSpec.builder()
            .arrivals(ArrivalProcess.gamma(rate, burstiness))
            .duration(Duration.ofSeconds(durationSeconds))
            .warmup(Duration.ofSeconds(warmupSeconds))
            .promptTokens(lengths(promptTokens))
            .outputTokens(lengths(outputTokens))
            .slo(slo.build())
            .seed(seed);
    if (maxInFlight != null) {
      spec.maxInFlight(maxInFlight);
    }
    return spec.build();
  }

  static InferenceClient client(
      String url,
      String token,
      int limit,
      String adaptive,
      Long ttftTargetMs,
      Transport transport) {
    if (ttftTargetMs != null && adaptive == null) {
      throw ValidationException.invalidField(
          "--ttft-target-ms",
          "is set but the limit is fixed, so nothing would steer to it",
          "add --adaptive MIN,INITIAL,MAX");
    }
    InferenceClientBuilder builder =
        InferenceClient.builder().endpoint(url).token(token).transport(transport);
    if (adaptive != null) {
      int[] v = Arrays.stream(adaptive.split(",")).mapToInt(Integer::parseInt).toArray();
      AdaptiveConcurrency settings = AdaptiveConcurrency.of(v[0], v[1], v[2]);
      if (ttftTargetMs != null) {
        settings = settings.withFirstTokenTarget(Duration.ofMillis(ttftTargetMs));
      }
      return builder.adaptiveConcurrency(settings).build();
    }
    return builder.concurrencyLimit(limit).build();
  }

  /**
   * Parses {@code N}, {@code MIN..MAX} or {@code a,b,c}.
   *
   * @param text the option value
   * @return the distribution
   */
  static LengthDistribution lengths(String text) {
    if (text.contains("..")) {
      String[] b = text.split("\\.\\.");
      return LengthDistribution.uniform(
          Integer.parseInt(b[0].trim()), Integer.parseInt(b[1].trim()));
    }
    if (text.contains(",")) {
      return LengthDistribution.fromList(
          Arrays.stream(text.split(","))
              .map(s -> Integer.parseInt(s.trim()))
              .collect(Collectors.toList()));
    }
    return LengthDistribution.fixed(Integer.parseInt(text.trim()));
  }
}
