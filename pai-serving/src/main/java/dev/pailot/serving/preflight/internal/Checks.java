package dev.pailot.serving.preflight.internal;

import static dev.pailot.serving.preflight.Severity.ERROR;
import static dev.pailot.serving.preflight.Severity.INFO;
import static dev.pailot.serving.preflight.Severity.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.observability.capacity.KvCacheCalculator;
import dev.pailot.observability.capacity.KvCacheEstimate;
import dev.pailot.observability.capacity.KvCacheSpec;
import dev.pailot.observability.capacity.ModelShape;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.ProbeSpec;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.preflight.PreflightFinding;
import dev.pailot.serving.preflight.PreflightProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The preflight checks of one spec under one profile. Not thread-safe; use once. */
public final class Checks {
  private final ServiceSpec spec;
  private final PreflightProfile profile;
  private final SpecFacts facts;
  private final List<PreflightFinding> out = new ArrayList<>();

  /**
   * Checks of one spec.
   *
   * @param spec spec
   * @param profile profile
   */
  public Checks(ServiceSpec spec, PreflightProfile profile) {
    this.spec = spec;
    this.profile = profile;
    this.facts = new SpecFacts(spec, profile);
  }

  /**
   * Runs every check.
   *
   * @return findings in check order
   */
  public List<PreflightFinding> all() {
    imageTag();
    weightsInImage();
    vpcNetworking();
    publicEndpoint();
    healthCheckDelay();
    replicas();
    rpcKeepalive();
    gpuMemory();
    return out;
  }

  private void add(String id, dev.pailot.serving.preflight.Severity s, String message, String fix) {
    out.add(PreflightFinding.of(id, s, message, fix));
  }

  private void imageTag() {
    for (ContainerSpec c : spec.containers()) {
      String image = c.image();
      if (image.contains("@sha256:")) {
        continue;
      }
      String last = image.substring(image.lastIndexOf('/') + 1);
      int colon = last.indexOf(':');
      String tag = colon < 0 ? "" : last.substring(colon + 1);
      if (tag.isEmpty() || tag.equalsIgnoreCase("latest")) {
        add(
            "image-tag",
            ERROR,
            "Image "
                + image
                + (tag.isEmpty() ? " has no tag" : " uses the tag latest")
                + ": every restart may pull different code.",
            "Pin a version tag, or better a digest (repo@sha256:...).");
      } else {
        add(
            "image-tag",
            INFO,
            "Image " + image + " is pinned by tag; a tag can be moved.",
            "Use the digest (repo@sha256:...) for byte-identical rollouts.");
      }
    }
  }

  private boolean llm() {
    String image = spec.image().orElse("").toLowerCase(Locale.ROOT);
    return image.contains("vllm")
        || image.contains("sglang")
        || image.contains("blade")
        || spec.metadata().type().filter(t -> t.equalsIgnoreCase("LLM")).isPresent()
        || facts.model().isPresent();
  }

  private void weightsInImage() {
    if (spec.containers().isEmpty() || !spec.weightSources().isEmpty() || !llm()) {
      return;
    }
    String size =
        profile
            .imageSizeGb()
            .map(g -> String.format(Locale.ROOT, " (image %.1f GB)", g))
            .orElse("");
    add(
        "weights-in-image",
        WARNING,
        "No model mount: the weights seem to be baked into image "
            + spec.image().orElse("")
            + size
            + ", so every scale-out pulls them and every weight change is a new image.",
        "Mount the weights from OSS (StorageMount.oss(path, mountPath)) and keep the image small.");
  }

  private void vpcNetworking() {
    if (spec.networking().map(n -> n.attached()).orElse(false)) {
      return;
    }
    add(
        "vpc-networking",
        profile.production() ? ERROR : WARNING,
        "The service is not attached to a VPC (cloud.networking); callers reach it only through"
            + " the shared gateway.",
        "Set networking(NetworkingSpec.of(vpcId, vSwitchId, securityGroupId)).");
  }

  private void publicEndpoint() {
    JsonNode networking = spec.extra().get("networking");
    boolean disabled =
        networking != null && networking.path("disable_internet_endpoint").asBoolean(false);
    if (disabled) {
      return;
    }
    add(
        "public-endpoint",
        profile.production() ? ERROR : INFO,
        "The internet endpoint is enabled: traffic and the token may cross the public internet.",
        "Set networking.disable_internet_endpoint=true (extra key \"networking\") and call the"
            + " intranet endpoint.");
  }

  private void healthCheckDelay() {
    Optional<ProbeSpec> probe =
        spec.containers().stream().findFirst().flatMap(ContainerSpec::gatingProbe);
    Optional<Long> bytes = facts.weightBytes();
    if (probe.isEmpty()) {
      add(
          "health-check-delay",
          WARNING,
          "No readiness, health or startup probe: EAS may send traffic before the model loaded.",
          "Add a readiness_check on the engine's /health with an initial delay above the load"
              + " time.");
      return;
    }
    if (bytes.isEmpty()) {
      add(
          "health-check-delay",
          INFO,
          "The weight size is unknown, so the load time could not be estimated.",
          "Set PreflightProfile.modelSizeGb(...) or model(...).");
      return;
    }
    double seconds = bytes.get() / (profile.storageThroughputMbPerSecond() * 1e6);
    Duration delay = probe.get().initialDelay().orElse(Duration.ZERO);
    if (delay.toSeconds() < seconds) {
      add(
          "health-check-delay",
          ERROR,
          String.format(
              Locale.ROOT,
              "The probe's initial delay is %d s but loading %.1f GB at %.0f MB/s takes about"
                  + " %.0f s: instances will be probed (and may be restarted) before they can"
                  + " answer.",
              delay.toSeconds(),
              bytes.get() / 1e9,
              profile.storageThroughputMbPerSecond(),
              seconds),
          String.format(
              Locale.ROOT,
              "Raise initial_delay_seconds to at least %.0f, or add a startup_check.",
              Math.ceil(seconds * 1.2)));
    }
  }

  private void replicas() {
    int min = spec.autoscaler().map(a -> a.min()).orElse(spec.metadata().instance().orElse(1));
    if (profile.production() && min < 2) {
      add(
          "single-replica",
          WARNING,
          "The service can run on " + min + " replica(s): one restart or preemption is an outage.",
          "Run at least 2 instances (metadata.instance or autoscaler min).");
    }
    if (spec.autoscaler().isEmpty()) {
      add(
          "no-autoscaler",
          INFO,
          "No autoscaler: the replica count stays fixed under load.",
          "Add an AutoscalerSpec (qps, cpu or gpu[util]) or EasClient.createAutoscaler.");
    }
  }

  private void rpcKeepalive() {
    Duration need = profile.longestGeneration();
    Optional<Duration> keepalive = spec.metadata().rpcKeepalive();
    if (keepalive.isEmpty() || keepalive.get().compareTo(need) < 0) {
      add(
          "rpc-keepalive",
          WARNING,
          "metadata.rpc.keepalive is "
              + keepalive.map(d -> d.toMillis() + " ms").orElse("not set (EAS default)")
              + " but the longest expected generation takes "
              + need.toSeconds()
              + " s: long answers would be cut off.",
          "Set rpcKeepalive(" + "Duration.ofSeconds(" + (need.toSeconds() + 60) + ")).");
    }
  }

  private void gpuMemory() {
    Optional<ModelShape> model = facts.model();
    Optional<Long> gpu = facts.gpuMemoryBytes();
    if (model.isEmpty() || gpu.isEmpty()) {
      if (llm()) {
        add(
            "gpu-memory",
            INFO,
            "GPU memory could not be checked (model "
                + model.map(ModelShape::name).orElse("unknown")
                + ", GPU "
                + gpu.map(g -> g / 1e9 + " GB").orElse("unknown")
                + ").",
            "Set PreflightProfile.model(...) and gpuMemoryGb(...).");
      }
      return;
    }
    KvCacheSpec.Builder kv =
        KvCacheSpec.builder()
            .model(model.get())
            .kvCacheDtype(facts.kvDtype())
            .gpuMemoryBytes(gpu.get())
            .tensorParallelSize(facts.tensorParallel())
            .gpuMemoryUtilization(facts.gpuMemoryUtilization());
    facts.weightBytes().ifPresent(kv::weightBytes);
    KvCacheEstimate e = KvCacheCalculator.estimate(kv.build());
    if (!e.fits()) {
      add(
          "gpu-memory",
          ERROR,
          String.format(
              Locale.ROOT,
              "%s weights (%.1f GB) leave no room for a KV cache on %d x %.0f GB GPU.",
              model.get().name(),
              e.weightBytes() / 1e9,
              facts.tensorParallel(),
              gpu.get() / 1e9),
          "Use a larger GPU, more cards (--tensor-parallel-size) or a quantised model.");
      return;
    }
    Optional<Integer> concurrency = facts.concurrency();
    long fit = e.concurrentSequences(profile.tokensPerSequence());
    if (concurrency.isPresent() && fit < concurrency.get()) {
      add(
          "gpu-memory",
          WARNING,
          String.format(
              Locale.ROOT,
              "The KV cache (%.1f GB, %s) holds %d sequences of %d tokens but the engine admits %d:"
                  + " the rest queue or are preempted.",
              e.kvCacheBytes() / 1e9,
              facts.kvDtype(),
              fit,
              profile.tokensPerSequence(),
              concurrency.get()),
          "Lower --max-num-seqs to " + fit + ", use --kv-cache-dtype fp8, or a larger GPU.");
    }
  }
}
