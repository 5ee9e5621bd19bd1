package dev.pailot.serving.release.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.TrafficState;
import dev.pailot.serving.preflight.Preflight;
import dev.pailot.serving.preflight.PreflightFailedException;
import dev.pailot.serving.preflight.PreflightFinding;
import dev.pailot.serving.preflight.PreflightReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReleaseOps} on the typed EAS client. Green is created with {@code
 * EasClient.createService(spec, labels)}: the release's labels go in CreateService's {@code Labels}
 * query parameter, and the spec gets {@code metadata.group} and {@code
 * networking.traffic_state=standalone}, so green joins the group taking no traffic. Thread-safe.
 */
public final class EasReleaseOps implements ReleaseOps {
  private final EasClient eas;
  private final PaiRuntime runtime;
  private final String group;
  private final String green;
  private final Optional<ServiceSpec> greenSpec;
  private final DeployOptions options;

  /**
   * Creates the operations of one release.
   *
   * @param eas the EAS client
   * @param runtime the control-plane pipeline of the same {@code Pai}
   * @param group group name
   * @param green green service name
   * @param greenSpec green's spec; empty to resume a release whose green exists
   * @param options preflight profile and waivers for green (as {@code EasClient.deploy} uses them)
   */
  public EasReleaseOps(
      EasClient eas,
      PaiRuntime runtime,
      String group,
      String green,
      Optional<ServiceSpec> greenSpec,
      DeployOptions options) {
    this.eas = eas;
    this.runtime = runtime;
    this.group = group;
    this.green = green;
    this.greenSpec = greenSpec;
    this.options = options;
  }

  @Override
  public Optional<ServiceSnapshot> find(String name) {
    try {
      return Optional.of(snapshot(eas.describeService(name)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  static ServiceSnapshot snapshot(EasService s) {
    boolean standalone =
        s.trafficState().map(t -> t == TrafficState.STANDALONE).orElse(s.serviceGroup().isEmpty());
    return new ServiceSnapshot(
        s.name(),
        s.status().wireValue(),
        s.serviceGroup(),
        standalone,
        s.weight().orElse(0),
        s.currentVersion(),
        s.labels());
  }

  @Override
  public void release(String name, boolean standalone, int weight) {
    eas.releaseService(name, standalone ? TrafficState.STANDALONE : TrafficState.GROUPING, weight);
  }

  @Override
  public void createGreen(Map<String, String> labels) {
    ServiceSpec spec =
        greenSpec.orElseThrow(
            () ->
                ValidationException.invalidField(
                    "greenSpec",
                    "is not set and service " + green + " does not exist",
                    "pass green's ServiceSpec to release(...), not resume(...)"));
    PreflightReport preflight = Preflight.check(spec, options.profile());
    List<PreflightFinding> blocking = preflight.blocking(options.waived());
    if (!blocking.isEmpty()) {
      throw new PreflightFailedException(preflight, blocking);
    }
    eas.createService(standaloneInGroup(spec), labels);
  }

  /** Green's spec as sent: in the group, and out of its traffic until the release moves it. */
  private ServiceSpec standaloneInGroup(ServiceSpec spec) {
    ObjectNode networking =
        spec.extra().get("networking") instanceof ObjectNode n
            ? n.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    networking.put("traffic_state", "standalone");
    return spec.toBuilder()
        .metadata(spec.metadata().toBuilder().group(group).build())
        .putExtra("networking", networking)
        .build();
  }

  @Override
  public void awaitGreen(Duration timeout) {
    eas.awaitRunning(green, timeout);
    eas.awaitServing(eas.describeService(green), timeout);
    EasService now = eas.describeService(green);
    // A rollout that crashed makes EAS serve an older version again: catch it before any traffic.
    if (now.latestVersion().isPresent() && now.latestVersion().get() != now.currentVersion()) {
      throw new WaiterUnrecoverableStateException(
          "EAS service "
              + green
              + " runs version "
              + now.currentVersion()
              + ", not the latest "
              + now.latestVersion().get()
              + ": the platform rolled it back; see its events",
          ErrorDetails.none(),
          null);
    }
    Optional<String> wanted =
        greenSpec.flatMap(s -> s.containers().stream().findFirst()).map(c -> c.image());
    if (wanted.isPresent() && now.image().isPresent() && !now.image().equals(wanted)) {
      throw new WaiterUnrecoverableStateException(
          "EAS service " + green + " runs image " + now.image().get() + ", not " + wanted.get(),
          ErrorDetails.none(),
          null);
    }
  }

  @Override
  public void stop(String name) {
    eas.stopService(name);
  }

  @Override
  public void delete(String name) {
    eas.deleteService(name);
  }

  @Override
  public void mirror(String blue, int percent, String target) {
    if (eas.describeServiceMirror(blue).isPresent()) {
      eas.updateServiceMirror(blue, percent, List.of(target));
    } else {
      eas.createServiceMirror(blue, percent, List.of(target));
    }
  }

  @Override
  public void stopMirror(String blue) {
    eas.deleteServiceMirror(blue);
  }

  @Override
  public Endpoint endpoint(String name) {
    EasService s = eas.describeService(name);
    String url =
        s.endpoint(runtime.config().network())
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "service", name + " reports no endpoint", "wait until it is Running"));
    String token =
        s.accessToken()
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "service", name + " reports no access token", "check the service"));
    return new Endpoint(url, token);
  }
}
