package dev.pailot.examples.demo;

import dev.pailot.core.Pai;
import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.Transport;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.Deployment;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.EasGroup;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
import dev.pailot.serving.release.BlueGreen;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.gates.ClientMetricsGate;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.GoldenSetGate;
import dev.pailot.serving.release.shadow.Shadow;
import dev.pailot.serving.release.shadow.ShadowReport;
import dev.pailot.serving.release.shadow.ShadowVerdict;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Demo stage 3: serving on EAS without a hard cut-over. Deploys v1 of a chat service into a service
 * group, shadows v2 (10% of v1's live traffic mirrored to it, compared by probes and a golden set),
 * then promotes v2 with a blue-green release (10% -> 50% -> 100%, judged by the application's own
 * client metrics and the golden set), while the application keeps calling the group endpoint.
 */
public final class ServingStage {
  /** The service group the application calls. */
  public static final String GROUP = "pailot_demo_chat";

  private static final List<GoldenExample> GOLDEN =
      List.of(
          GoldenExample.agreement("What is PAI-EAS?"),
          GoldenExample.agreement("Explain a blue-green release in one sentence."));

  private final Pai pai;
  private final PrometheusMeterRegistry registry;
  private final PrintStream out;

  /**
   * What the stage did.
   *
   * @param v1 the deployment of v1
   * @param shadow the shadow comparison of v2 against v1
   * @param release the blue-green release of v2, when the shadow recommended it
   * @param appRequests requests the application sent through the group endpoint meanwhile
   * @param appFailures how many of them failed
   */
  public record Result(
      String v1,
      ShadowReport shadow,
      Optional<ReleaseReport> release,
      long appRequests,
      long appFailures) {}

  /**
   * Creates the stage.
   *
   * @param pai client pointed at LocalPai
   * @param registry where the application's inference client records; the client-metrics gate reads
   *     it (a Prometheus registry, whose histograms accumulate)
   * @param out where progress is printed
   */
  public ServingStage(Pai pai, PrometheusMeterRegistry registry, PrintStream out) {
    this.pai = pai;
    this.registry = registry;
    this.out = out;
  }

  /**
   * A chat service version: vLLM serving Qwen2.5-0.5B mounted from OSS, in the demo's group.
   *
   * @param name service name
   * @param model the served model name (the version)
   * @return the spec
   */
  public static ServiceSpec spec(String name, String model) {
    return ServiceSpec.builder()
        .metadata(
            ServiceMetadata.builder()
                .name(name)
                .instance(1)
                .group(GROUP)
                .rpcKeepalive(Duration.ofMinutes(10))
                .build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
        .addContainers(
            ContainerSpec.of(
                    "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5", 8000)
                .script("vllm serve /mnt/model --served-model-name " + model)
                .putEnv("LOCALPAI_STEP_BASE_US", "2000")
                .build())
        .addStorage(StorageMount.oss("oss://models/qwen2.5-0.5b-instruct/", "/mnt/model"))
        .build();
  }

  /**
   * Runs the stage.
   *
   * @return what it did
   */
  public Result run() {
    out.println();
    out.println("== 3. Serving on EAS: deploy v1, shadow v2, promote v2 with blue-green");
    // LocalPai's replicas load in milliseconds: poll often (the default starts at 2 s).
    try (EasClient eas =
        EasClient.builder(pai).pollDelays(Duration.ofMillis(20), Duration.ofMillis(200)).build()) {
      Deployment v1 = eas.deploy(spec("chat_v1", "chat-v1"), DeployOptions.defaults());
      out.printf("  deployed %s version %d (%s)%n", v1.service().name(), v1.version(), v1.action());
      EasGroup group = eas.describeGroup(GROUP);
      try (InferenceClient app =
          InferenceClient.builder()
              .endpoint(group.internetEndpoint().orElseThrow())
              .token(group.accessToken().orElseThrow())
              .meterRegistry(registry)
              // Admission steered to a time-to-first-token objective (no engine metrics needed):
              // half of a 1 s SLO, leaving the other half for waiting in the client's queue.
              .adaptiveConcurrency(
                  AdaptiveConcurrency.of(2, 8, 64).withFirstTokenTarget(Duration.ofMillis(500)))
              // Non-blocking I/O: open streams hold no thread, on Java 17 too.
              .transport(Transport.APACHE_ASYNC)
              .build()) {
        ServiceSpec v2 = spec("chat_v2", "chat-v2");
        AppTraffic traffic = new AppTraffic(app, 2);
        ShadowReport shadow;
        Optional<ReleaseReport> release;
        // The application keeps calling the group endpoint through the shadow and the release.
        try (traffic) {
          shadow = shadow(eas, v2);
          release =
              shadow.verdict() == ShadowVerdict.PROMOTE
                  ? Optional.of(promote(eas, v2, registry))
                  : Optional.empty();
        }
        out.printf(
            "  application: %d requests through the group endpoint, %d failed"
                + " (non-blocking transport, adaptive admission, TTFT target 500 ms, limit now"
                + " %d)%n",
            traffic.ok.get() + traffic.failed.get(),
            traffic.failed.get(),
            (int) registry.get("inference.concurrency.limit").gauge().value());
        return new Result(
            v1.service().name(),
            shadow,
            release,
            traffic.ok.get() + traffic.failed.get(),
            traffic.failed.get());
      }
    }
  }

  private ShadowReport shadow(EasClient eas, ServiceSpec v2) {
    try (Shadow shadow = Shadow.create(pai, eas)) {
      ShadowReport report =
          shadow
              .evaluate(GROUP, "chat_v1", v2)
              .mirrorPercent(10)
              .window(Duration.ofMillis(1500))
              .probe(ChatRequest.builder().user("Hello from the probe").maxTokens(4).build())
              .probeInterval(Duration.ofMillis(20))
              // A p99 of a few dozen probes on a laptop shared with builds is noisy: allow 250 ms.
              .p99Tolerance(Duration.ofMillis(250))
              .golden(GOLDEN)
              .run();
      out.print(report.toText());
      return report;
    }
  }

  private ReleaseReport promote(EasClient eas, ServiceSpec v2, PrometheusMeterRegistry registry) {
    try (BlueGreen releases = BlueGreen.create(pai, eas)) {
      ReleaseReport report =
          releases
              .release(GROUP, "chat_v1", v2)
              .stages(10, 50, 100)
              .bake(Duration.ofMillis(500))
              .drain(Duration.ofMillis(200))
              .gate(
                  ClientMetricsGate.builder()
                      .registry(registry)
                      .serviceName(GROUP)
                      .maxErrorRate(0.0)
                      .maxP99(Duration.ofMillis(500))
                      .build())
              .gate(GoldenSetGate.builder().examples(GOLDEN).atStages(100).build())
              .run();
      out.print(report.toText());
      return report;
    }
  }
}
