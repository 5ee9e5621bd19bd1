package dev.pailot.serving.eas.internal;

import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.serving.eas.AutoscalerSpec;
import dev.pailot.serving.eas.AutoscalerStatus;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.Deployment;
import dev.pailot.serving.eas.DeploymentMismatchException;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.preflight.Preflight;
import dev.pailot.serving.preflight.PreflightFailedException;
import dev.pailot.serving.preflight.PreflightFinding;
import dev.pailot.serving.preflight.PreflightReport;
import dev.pailot.serving.preflight.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deploy: preflight, create or update, wait for {@code Running} on the new version, wait for
 * the endpoint, verify what is live. Reports {@code eas.deploy} progress events. Not thread-safe;
 * use once.
 */
public final class DeployRun {
  private final EasApi api;
  private final EasWaits waits;
  private final EasTrafficApi traffic;
  private final ServiceSpec spec;
  private final DeployOptions options;
  private final long started = System.nanoTime();

  /**
   * A deploy.
   *
   * @param api service API
   * @param waits waiters
   * @param spec what to deploy
   * @param options how
   */
  public DeployRun(EasApi api, EasWaits waits, ServiceSpec spec, DeployOptions options) {
    this.api = api;
    this.waits = waits;
    this.traffic = new EasTrafficApi(api);
    this.spec = spec;
    this.options = options;
  }

  /**
   * Runs it.
   *
   * @return what happened
   */
  public Deployment run() {
    PreflightReport report = Preflight.check(spec, options.profile());
    List<PreflightFinding> blocking = report.blocking(options.waived());
    progress("PREFLIGHT", report.toText().trim());
    if (!blocking.isEmpty()) {
      throw new PreflightFailedException(report, blocking);
    }
    Optional<EasService> existing = find();
    Deployment.Action action;
    int expected;
    if (existing.isEmpty()) {
      progress("CREATING", "Creating EAS service " + spec.name());
      api.create(spec, Map.of());
      action = Deployment.Action.CREATED;
      expected = 1;
    } else if (unchanged(existing.get())) {
      progress("UNCHANGED", "EAS service " + spec.name() + " already runs this spec");
      action = Deployment.Action.UNCHANGED;
      expected = existing.get().currentVersion();
    } else {
      EasService before = existing.get();
      int latest = before.latestVersion().orElse(before.currentVersion());
      progress(
          "UPDATING",
          "Updating EAS service " + spec.name() + " from version " + before.currentVersion());
      api.update(spec.name(), spec.toJsonNode(), options.replace());
      if (before.status() == ServiceStatus.STOPPED || before.status() == ServiceStatus.STOPPING) {
        // EAS keeps a stopped service stopped across an update; a deploy means "serve this".
        progress("STARTING", "Starting stopped EAS service " + spec.name());
        api.action(EasApi.START, spec.name());
      }
      action = Deployment.Action.UPDATED;
      expected = latest + 1;
    }
    EasService running =
        waits.untilVersion(
            spec.name(),
            expected,
            action != Deployment.Action.UNCHANGED,
            options.runningTimeout(),
            p -> progress("WAITING", p.description() + ": " + p.state()));
    progress("RUNNING", "EAS service " + spec.name() + " is Running version " + expected);
    String endpoint = endpoint(running);
    Readiness.Probe probe =
        waits.untilServing(
            running,
            endpoint,
            options.servingTimeout(),
            p -> progress("PROBING", p.description() + ": " + p.state()));
    progress("SERVING", "EAS service " + spec.name() + " answers on " + probe.path());
    EasService live = verify(expected);
    progress("VERIFIED", "EAS service " + spec.name() + " serves version " + expected);
    spec.autoscaler().ifPresent(this::applyAutoscaler);
    return Deployment.builder()
        .action(action)
        .service(live)
        .previousVersion(existing.map(EasService::currentVersion))
        .version(expected)
        .preflight(report)
        .waivedFindings(
            report.withSeverity(Severity.ERROR).stream()
                .filter(f -> options.waived().contains(f.id()))
                .toList())
        .readinessPath(probe.path())
        .elapsed(Duration.ofNanos(System.nanoTime() - started))
        .build();
  }

  /**
   * Sets the spec's autoscaler through the autoscaler API too: the inline {@code autoscaler}
   * section's handling by EAS is unconfirmed (PAI_API.md §3.2), the API is not.
   */
  private void applyAutoscaler(AutoscalerSpec wanted) {
    Optional<AutoscalerStatus> current = traffic.describeAutoscaler(spec.name());
    if (current.isEmpty()) {
      traffic.putAutoscaler(spec.name(), wanted, true);
    } else if (current.get().spec().min() != wanted.min()
        || current.get().spec().max() != wanted.max()
        || !sameStrategies(current.get().spec(), wanted)) {
      traffic.putAutoscaler(spec.name(), wanted, false);
    } else {
      return;
    }
    progress(
        "AUTOSCALER", "Autoscaler of " + spec.name() + ": " + wanted.min() + " to " + wanted.max());
  }

  private static boolean sameStrategies(AutoscalerSpec a, AutoscalerSpec b) {
    if (a.strategies().size() != b.strategies().size()) {
      return false;
    }
    for (int i = 0; i < a.strategies().size(); i++) {
      var x = a.strategies().get(i);
      var y = b.strategies().get(i);
      if (!x.metricName().equalsIgnoreCase(y.metricName()) || x.threshold() != y.threshold()) {
        return false;
      }
    }
    return true;
  }

  private Optional<EasService> find() {
    try {
      EasService s = api.describe(spec.name());
      if (s.status() == ServiceStatus.DELETING) {
        // The name is taken until the deletion ends.
        progress("WAITING", "EAS service " + spec.name() + " is being deleted; waiting");
        waits.untilDeleted(spec.name(), options.runningTimeout());
        return Optional.empty();
      }
      return Optional.of(s);
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private boolean unchanged(EasService s) {
    return s.status() == ServiceStatus.RUNNING
        && s.latestVersion().orElse(s.currentVersion()) == s.currentVersion()
        && s.spec().filter(spec::equals).isPresent();
  }

  private String endpoint(EasService s) {
    EndpointNetwork network = api.runtime().config().network();
    return s.endpoint(network)
        .orElseThrow(
            () ->
                ValidationException.invalidField(
                    "endpoint",
                    "EAS reported no endpoint for " + s.name(),
                    "check the service's networking settings"));
  }

  /** Reads the service again and compares version, image and weights with the spec. */
  private EasService verify(int expected) {
    EasService live = api.describe(spec.name());
    List<String> diffs = new ArrayList<>();
    if (live.currentVersion() != expected) {
      diffs.add("version: expected " + expected + ", live " + live.currentVersion());
    }
    Optional<String> image = spec.image();
    if (image.isPresent() && live.image().isPresent() && !image.equals(live.image())) {
      diffs.add("image: expected " + image.get() + ", live " + live.image().get());
    }
    Optional<ServiceSpec> liveSpec = live.spec();
    if (liveSpec.isPresent() && !liveSpec.get().weightSources().equals(spec.weightSources())) {
      diffs.add(
          "weights: expected " + spec.weightSources() + ", live " + liveSpec.get().weightSources());
    }
    if (!diffs.isEmpty()) {
      throw new DeploymentMismatchException(live, diffs);
    }
    return live;
  }

  private void progress(String phase, String message) {
    ProgressEvent e =
        ProgressEvent.builder()
            .operation("eas.deploy")
            .resource("service/" + spec.name())
            .phase(phase)
            .message(message)
            .putAttributes("service", spec.name())
            .build();
    api.runtime().progress(e);
    options
        .listener()
        .ifPresent(
            l -> {
              try {
                l.accept(e);
              } catch (RuntimeException ignored) {
                // A listener's failure must not fail the deploy.
              }
            });
  }
}
