package dev.pailot.serving.preflight;

import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.preflight.internal.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Lints an EAS service spec before it is deployed (or saved by a portal). Every check has a stable
 * id, a severity, a message with the values it measured or estimated, and a fix:
 *
 * <table>
 *   <caption>Checks</caption>
 *   <tr><th>id</th><th>severity</th><th>finds</th></tr>
 *   <tr><td>{@code image-tag}</td><td>ERROR / INFO</td><td>tag {@code latest} or none (error);
 *   a tag instead of a digest (info)</td></tr>
 *   <tr><td>{@code weights-in-image}</td><td>WARNING</td><td>an LLM with no model mount: weights
 *   baked into the image</td></tr>
 *   <tr><td>{@code vpc-networking}</td><td>ERROR (production) / WARNING</td><td>no {@code
 *   cloud.networking} VPC attachment</td></tr>
 *   <tr><td>{@code public-endpoint}</td><td>ERROR (production) / INFO</td><td>the internet
 *   endpoint is not disabled</td></tr>
 *   <tr><td>{@code health-check-delay}</td><td>ERROR / WARNING / INFO</td><td>the readiness
 *   probe's initial delay is shorter than the estimated weight-load time (error); no probe
 *   (warning); size unknown (info)</td></tr>
 *   <tr><td>{@code single-replica}</td><td>WARNING</td><td>one replica in production</td></tr>
 *   <tr><td>{@code no-autoscaler}</td><td>INFO</td><td>no autoscaler</td></tr>
 *   <tr><td>{@code rpc-keepalive}</td><td>WARNING</td><td>{@code metadata.rpc.keepalive} unset or
 *   shorter than the longest expected generation</td></tr>
 *   <tr><td>{@code gpu-memory}</td><td>ERROR / WARNING / INFO</td><td>weights do not fit the GPU
 *   (error); the KV cache holds fewer sequences than the configured concurrency (warning); not
 *   sizeable (info)</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe; makes no network call.
 */
public final class Preflight {
  /** Every check id, in report order. */
  public static final List<String> CHECK_IDS =
      List.of(
          "image-tag",
          "weights-in-image",
          "vpc-networking",
          "public-endpoint",
          "health-check-delay",
          "single-replica",
          "no-autoscaler",
          "rpc-keepalive",
          "gpu-memory");

  private Preflight() {}

  /**
   * Runs every check.
   *
   * @param spec the spec
   * @param profile what to assume about where it runs
   * @return the report, errors first
   */
  public static PreflightReport check(ServiceSpec spec, PreflightProfile profile) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(profile, "profile");
    List<PreflightFinding> findings =
        new Checks(spec, profile)
            .all().stream().sorted(Comparator.comparing(PreflightFinding::severity)).toList();
    return PreflightReport.builder()
        .serviceName(spec.name())
        .profile(profile.name())
        .findings(findings)
        .build();
  }
}
