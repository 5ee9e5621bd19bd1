package dev.pailot.serving.eas;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.eas.internal.DeployRun;
import dev.pailot.serving.eas.internal.EasApi;
import dev.pailot.serving.eas.internal.EasOps;
import dev.pailot.serving.eas.internal.EasTrafficApi;
import dev.pailot.serving.eas.internal.EasWaits;
import dev.pailot.serving.eas.internal.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PAI-EAS services (version 2021-07-01): create, update, describe, list, start, stop, scale,
 * delete, versions and rollback, release weights, groups, traffic mirrors, autoscaler and cron
 * scaler, events and diagnosis, waiters for {@code Running} and for the real inference path, and
 * {@link #deploy(ServiceSpec, DeployOptions)} which does all of it with preflight checks.
 *
 * <pre>{@code
 * try (EasClient eas = EasClient.create(pai)) {
 *   eas.createService(spec);
 *   EasService running = eas.awaitRunning("qwen_chat", Duration.ofMinutes(20));
 *   eas.awaitServing(running, Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Every control-plane call goes through the {@code Pai}'s pipeline (signing, retries on
 * throttling and, for idempotent calls, on transient failures). Thread-safe; create one per {@code
 * Pai} and share it. {@link #close()} ends the HTTP client used for readiness probes.
 */
public final class EasClient implements AutoCloseable {
  private final PaiRuntime runtime;
  private final EasApi api;
  private final EasTrafficApi traffic;
  private final Readiness readiness;
  private final EasWaits waits;

  private EasClient(Builder b) {
    this.runtime = PaiRuntime.of(b.pai);
    this.api = new EasApi(runtime);
    this.traffic = new EasTrafficApi(api);
    this.readiness = new Readiness(b.probeTimeout);
    this.waits = new EasWaits(api, readiness, b.minDelay, b.maxDelay);
  }

  /**
   * A client with default polling (2 to 15 s between polls).
   *
   * @param pai the configured connection
   * @return the client
   */
  public static EasClient create(Pai pai) {
    return builder(pai).build();
  }

  /**
   * A builder, to change poll delays.
   *
   * @param pai the configured connection
   * @return builder
   */
  public static Builder builder(Pai pai) {
    return new Builder(Objects.requireNonNull(pai, "pai"));
  }

  /**
   * Creates a service (CreateService, the spec's JSON as the raw body) and reads it back. Sent once
   * (EAS has no ClientToken; a second create of the same name fails with a conflict).
   *
   * @param spec the spec
   * @return the service as DescribeService reports it right after
   * @throws ConflictException if a service of that name exists
   * @throws ValidationException if EAS rejects the spec
   */
  public EasService createService(ServiceSpec spec) {
    return createService(spec, Map.of());
  }

  /**
   * Creates a service with labels (CreateService with the {@code Labels} query parameter: the map
   * as one JSON string) and reads it back. Labels are how tools find their services again, e.g. a
   * blue-green release marks its green with them. Sent once, like {@link
   * #createService(ServiceSpec)}.
   *
   * @param spec the spec
   * @param labels label keys to values; empty sends no {@code Labels} parameter
   * @return the service as DescribeService reports it right after
   * @throws ConflictException if a service of that name exists
   * @throws ValidationException if EAS rejects the spec or the labels
   */
  public EasService createService(ServiceSpec spec, Map<String, String> labels) {
    return api.create(
        Objects.requireNonNull(spec, "spec"), Map.copyOf(Objects.requireNonNull(labels, "labels")));
  }

  /**
   * Updates a service by deep-merging {@code spec} into its stored JSON (UpdateService {@code
   * UpdateType=merge}); EAS stores a new version and rolls it out.
   *
   * @param name service
   * @param spec the keys to change (a full spec works too)
   * @throws ResourceNotFoundException if there is no such service
   */
  public void updateService(String name, ServiceSpec spec) {
    api.update(ClientArgs.name(name), Objects.requireNonNull(spec, "spec").toJsonNode(), false);
  }

  /**
   * Replaces a service's JSON with {@code spec} (UpdateService {@code UpdateType=replace}).
   *
   * @param name service
   * @param spec the complete new spec
   * @throws ResourceNotFoundException if there is no such service
   */
  public void replaceService(String name, ServiceSpec spec) {
    api.update(ClientArgs.name(name), Objects.requireNonNull(spec, "spec").toJsonNode(), true);
  }

  /**
   * Reads a service with its endpoints and token (DescribeService).
   *
   * @param name service
   * @return the service
   * @throws ResourceNotFoundException if there is no such service
   */
  public EasService describeService(String name) {
    return api.describe(ClientArgs.name(name));
  }

  /**
   * Services matching a filter, fetched page by page as the stream is consumed (ListServices). List
   * items carry no endpoints; describe a service for them.
   *
   * @param filter filter
   * @return lazy stream; a read failure surfaces as {@link PaiException} while consuming
   */
  public Stream<EasService> listServices(ServiceFilter filter) {
    return api.list(Objects.requireNonNull(filter, "filter")).stream();
  }

  /**
   * Deletes a service (DeleteService); it passes through {@code Deleting}.
   *
   * @param name service
   * @return false if it did not exist
   */
  public boolean deleteService(String name) {
    return api.delete(ClientArgs.name(name));
  }

  /**
   * Starts a stopped service (StartService).
   *
   * @param name service
   * @throws ResourceNotFoundException if there is no such service
   */
  public void startService(String name) {
    api.action(EasOps.START, ClientArgs.name(name));
  }

  /**
   * Stops a service (StopService): every instance ends; the endpoint answers 503.
   *
   * @param name service
   * @throws ResourceNotFoundException if there is no such service
   */
  public void stopService(String name) {
    api.action(EasOps.STOP, ClientArgs.name(name));
  }

  /**
   * Restarts every instance (RestartService).
   *
   * @param name service
   * @throws ResourceNotFoundException if there is no such service
   */
  public void restartService(String name) {
    api.action(EasOps.RESTART, ClientArgs.name(name));
  }

  /**
   * Sets the replica count (ScaleService).
   *
   * @param name service
   * @param instances replicas, 0 to 1000
   * @throws ResourceNotFoundException if there is no such service
   */
  public void scaleService(String name, int instances) {
    SpecRules.range("instances", instances, 0, 1000);
    api.scale(ClientArgs.name(name), instances);
  }

  /**
   * The stored versions (ListServiceVersions), newest first.
   *
   * @param name service
   * @return versions
   * @throws ResourceNotFoundException if there is no such service
   */
  public List<ServiceVersion> listVersions(String name) {
    return api.versions(ClientArgs.name(name));
  }

  /**
   * Switches the service to a stored version (UpdateServiceVersion); an older one is a rollback.
   * EAS rolls it out as an update: wait with {@link #awaitRunning}.
   *
   * @param name service
   * @param version version number, from 1
   * @throws ResourceNotFoundException if there is no such service
   * @throws ValidationException if there is no such version
   */
  public void rollbackToVersion(String name, int version) {
    SpecRules.range("version", version, 1, Integer.MAX_VALUE);
    api.switchVersion(ClientArgs.name(name), version);
  }

  /**
   * Sets a grouped service's traffic state and release weight (ReleaseService): blue-green shares.
   *
   * @param name service
   * @param state {@code GROUPING} to take group traffic, {@code STANDALONE} to leave it
   * @param weight -1 (share by instance count) to 1000
   * @throws ResourceNotFoundException if there is no such service
   * @throws ValidationException if the service is not in a group
   */
  public void releaseService(String name, TrafficState state, int weight) {
    SpecRules.range("weight", weight, -1, 1000);
    traffic.release(ClientArgs.name(name), Objects.requireNonNull(state, "state"), weight);
  }

  /**
   * Reads a service group (DescribeGroup).
   *
   * @param group group name
   * @return the group
   * @throws ResourceNotFoundException if there is no such group
   */
  public EasGroup describeGroup(String group) {
    return traffic.describeGroup(ClientArgs.name(group));
  }

  /**
   * Mirrors a share of a service's requests to other services (CreateServiceMirror); their answers
   * are discarded.
   *
   * @param name the mirrored service
   * @param ratioPercent 0 to 100
   * @param targets services that receive the copies
   * @throws ConflictException if the service already has a mirror (update it instead)
   */
  public void createServiceMirror(String name, int ratioPercent, List<String> targets) {
    traffic.putMirror(
        ClientArgs.name(name), ClientArgs.ratio(ratioPercent), ClientArgs.targets(targets), true);
  }

  /**
   * Changes a service's mirror (UpdateServiceMirror).
   *
   * @param name the mirrored service
   * @param ratioPercent 0 to 100
   * @param targets services that receive the copies
   * @throws ResourceNotFoundException if the service or its mirror does not exist
   */
  public void updateServiceMirror(String name, int ratioPercent, List<String> targets) {
    traffic.putMirror(
        ClientArgs.name(name), ClientArgs.ratio(ratioPercent), ClientArgs.targets(targets), false);
  }

  /**
   * Reads a service's mirror (DescribeServiceMirror).
   *
   * @param name service
   * @return the mirror; empty if the service has none
   * @throws ResourceNotFoundException if there is no such service
   */
  public Optional<ServiceMirror> describeServiceMirror(String name) {
    return traffic.describeMirror(ClientArgs.name(name));
  }

  /**
   * Removes a service's mirror (DeleteServiceMirror).
   *
   * @param name service
   * @return false if it had none
   */
  public boolean deleteServiceMirror(String name) {
    return traffic.delete(EasOps.DELETE_MIRROR, ClientArgs.name(name));
  }

  /**
   * Sets an autoscaler (CreateServiceAutoScaler).
   *
   * @param name service
   * @param autoscaler settings
   * @throws ConflictException if the service already has one (update it instead)
   */
  public void createAutoscaler(String name, AutoscalerSpec autoscaler) {
    traffic.putAutoscaler(
        ClientArgs.name(name), Objects.requireNonNull(autoscaler, "autoscaler"), true);
  }

  /**
   * Changes the autoscaler (UpdateServiceAutoScaler).
   *
   * @param name service
   * @param autoscaler settings
   * @throws ResourceNotFoundException if the service or its autoscaler does not exist
   */
  public void updateAutoscaler(String name, AutoscalerSpec autoscaler) {
    traffic.putAutoscaler(
        ClientArgs.name(name), Objects.requireNonNull(autoscaler, "autoscaler"), false);
  }

  /**
   * Reads the autoscaler with current metric values (DescribeServiceAutoScaler).
   *
   * @param name service
   * @return the autoscaler; empty if none
   * @throws ResourceNotFoundException if there is no such service
   */
  public Optional<AutoscalerStatus> describeAutoscaler(String name) {
    return traffic.describeAutoscaler(ClientArgs.name(name));
  }

  /**
   * Removes the autoscaler (DeleteServiceAutoScaler).
   *
   * @param name service
   * @return false if it had none
   */
  public boolean deleteAutoscaler(String name) {
    return traffic.delete(EasOps.DELETE_AUTOSCALER, ClientArgs.name(name));
  }

  /**
   * Sets a cron scaler (CreateServiceCronScaler).
   *
   * @param name service
   * @param cronScaler jobs
   * @throws ConflictException if the service already has one (update it instead)
   */
  public void createCronScaler(String name, CronScalerSpec cronScaler) {
    traffic.putCronScaler(
        ClientArgs.name(name), Objects.requireNonNull(cronScaler, "cronScaler"), true);
  }

  /**
   * Changes the cron scaler (UpdateServiceCronScaler).
   *
   * @param name service
   * @param cronScaler jobs
   * @throws ResourceNotFoundException if the service or its cron scaler does not exist
   */
  public void updateCronScaler(String name, CronScalerSpec cronScaler) {
    traffic.putCronScaler(
        ClientArgs.name(name), Objects.requireNonNull(cronScaler, "cronScaler"), false);
  }

  /**
   * Reads the cron scaler (DescribeServiceCronScaler).
   *
   * @param name service
   * @return the cron scaler; empty if none
   * @throws ResourceNotFoundException if there is no such service
   */
  public Optional<CronScalerSpec> describeCronScaler(String name) {
    return traffic.describeCronScaler(ClientArgs.name(name));
  }

  /**
   * Removes the cron scaler (DeleteServiceCronScaler).
   *
   * @param name service
   * @return false if it had none
   */
  public boolean deleteCronScaler(String name) {
    return traffic.delete(EasOps.DELETE_CRON, ClientArgs.name(name));
  }

  /**
   * A service's events since a time (DescribeServiceEvent, every page up to 2,000 events).
   *
   * @param name service
   * @param since from this time (EAS keeps 7 days)
   * @return events, oldest first
   * @throws ResourceNotFoundException if there is no such service
   */
  public List<ServiceEvent> describeServiceEvents(String name, Instant since) {
    return api.events(ClientArgs.name(name), Objects.requireNonNull(since, "since"));
  }

  /**
   * A service's events of the last 7 days.
   *
   * @param name service
   * @return events, oldest first
   * @throws ResourceNotFoundException if there is no such service
   */
  public List<ServiceEvent> describeServiceEvents(String name) {
    return api.events(ClientArgs.name(name), null);
  }

  /**
   * What EAS finds wrong with a service, with causes and advice (DescribeServiceDiagnosis).
   *
   * @param name service
   * @return diagnoses; empty if EAS sees no problem
   * @throws ResourceNotFoundException if there is no such service
   */
  public List<ServiceDiagnosis> describeServiceDiagnosis(String name) {
    return api.diagnosis(ClientArgs.name(name));
  }

  /**
   * Waits until the service is {@code Running}, polling DescribeService with growing delays and
   * reporting {@code eas.service.wait} progress events. Fails fast when it is {@code Failed}.
   *
   * @param name service
   * @param timeout deadline
   * @return the running service
   * @throws ServiceFailedException if it failed first; carries events and diagnosis
   * @throws WaiterTimeoutException if the deadline passes first
   */
  public EasService awaitRunning(String name, Duration timeout) {
    return waits.untilRunning(ClientArgs.name(name), ClientArgs.positive(timeout), s -> true, null);
  }

  /**
   * Waits until the service is {@code Running} with {@code version} as its current version, e.g.
   * after {@link #rollbackToVersion}: a status that still says {@code Running} on the old version
   * right after the switch is waited through.
   *
   * @param name service
   * @param version the version that must serve
   * @param timeout deadline
   * @return the running service
   * @throws ServiceFailedException if it failed first; carries events and diagnosis
   * @throws WaiterTimeoutException if the deadline passes first
   */
  public EasService awaitVersion(String name, int version, Duration timeout) {
    return waits.untilVersion(
        ClientArgs.name(name), version, false, ClientArgs.positive(timeout), null);
  }

  /**
   * Waits until the service is {@code Stopped}.
   *
   * @param name service
   * @param timeout deadline
   * @return the stopped service
   * @throws WaiterTimeoutException if the deadline passes first
   */
  public EasService awaitStopped(String name, Duration timeout) {
    return waits.untilStatus(
        ClientArgs.name(name), ServiceStatus.STOPPED, ClientArgs.positive(timeout));
  }

  /**
   * Waits until the service is gone (DescribeService answers not-found) after {@link
   * #deleteService}.
   *
   * @param name service
   * @param timeout deadline
   * @throws WaiterTimeoutException if the deadline passes first
   * @throws dev.pailot.core.error.WaiterUnrecoverableStateException if deletion failed
   */
  public void awaitDeleted(String name, Duration timeout) {
    waits.untilDeleted(ClientArgs.name(name), ClientArgs.positive(timeout));
  }

  /**
   * Waits until the service's own endpoint answers: {@code GET /v1/models} (or {@code /health}
   * where that is 404) with the service's token must give 2xx; 503 {@code no healthy upstream}
   * means not yet. Uses the internet or intranet endpoint per the {@code Pai}'s endpoint network.
   *
   * @param service the service as described (with endpoint and token)
   * @param timeout deadline
   * @return the service, unchanged
   * @throws WaiterTimeoutException if the deadline passes first
   * @throws dev.pailot.core.error.AuthenticationException if the endpoint refuses the token
   * @throws ValidationException if the service value has no endpoint (use {@link #describeService})
   */
  public EasService awaitServing(EasService service, Duration timeout) {
    Objects.requireNonNull(service, "service");
    waits.untilServing(service, endpoint(service), ClientArgs.positive(timeout), null);
    return service;
  }

  /**
   * Deploys a spec end to end: runs {@link dev.pailot.serving.preflight.Preflight} (errors block
   * unless their ids are waived), creates the service or updates it (replace by default), waits
   * until it is {@code Running} on the new version, waits until its own endpoint answers with its
   * token, then verifies that the live version, image and weights are the ones deployed. Progress
   * events ({@code eas.deploy}: PREFLIGHT, CREATING/UPDATING/UNCHANGED, WAITING, RUNNING, PROBING,
   * SERVING, VERIFIED, AUTOSCALER) go to the {@code Pai}'s listener and the options' listener. A
   * spec's autoscaler is also set through the autoscaler API (how EAS treats the inline section is
   * unconfirmed). A service that already runs exactly this spec is left alone ({@code UNCHANGED});
   * a stopped one is started after the update; one still being deleted is waited out and created
   * again.
   *
   * @param spec the spec
   * @param options profile, waivers, deadlines, listener
   * @return what happened
   * @throws dev.pailot.serving.preflight.PreflightFailedException if preflight found errors not
   *     waived; nothing was sent
   * @throws ServiceFailedException if the rollout failed; carries events and diagnosis (after an
   *     update, the previous version may still serve)
   * @throws DeploymentMismatchException if EAS runs another version, image or weights than deployed
   *     (e.g. a silent rollback)
   * @throws WaiterTimeoutException if a deadline passes first
   */
  public Deployment deploy(ServiceSpec spec, DeployOptions options) {
    return new DeployRun(
            api,
            waits,
            Objects.requireNonNull(spec, "spec"),
            Objects.requireNonNull(options, "options"))
        .run();
  }

  /**
   * The endpoint this client's network reaches.
   *
   * @param service described service
   * @return URL
   */
  String endpoint(EasService service) {
    return service
        .endpoint(runtime.config().network())
        .orElseThrow(
            () ->
                ValidationException.invalidField(
                    "service",
                    "has no endpoint (ListServices items carry none)",
                    "pass the value describeService returns"));
  }

  /** Ends the readiness prober's HTTP client. Idempotent. */
  @Override
  public void close() {
    readiness.close();
  }

  /** Builds an {@link EasClient}. Not thread-safe. */
  public static final class Builder {
    private final Pai pai;
    private Duration minDelay = Duration.ofSeconds(2);
    private Duration maxDelay = Duration.ofSeconds(15);
    private Duration probeTimeout = Duration.ofSeconds(10);

    private Builder(Pai pai) {
      this.pai = pai;
    }

    /**
     * Delays between polls of the waiters: the first is {@code min}, growing to {@code max}.
     * Default 2 s to 15 s.
     *
     * @param min first delay
     * @param max largest delay
     * @return this builder
     */
    public Builder pollDelays(Duration min, Duration max) {
      if (min == null
          || max == null
          || min.isNegative()
          || min.isZero()
          || max.compareTo(min) < 0) {
        throw ValidationException.invalidField(
            "pollDelays", "needs 0 < min <= max", "e.g. pollDelays(ofSeconds(2), ofSeconds(15))");
      }
      this.minDelay = min;
      this.maxDelay = max;
      return this;
    }

    /**
     * Timeout of one readiness probe. Default 10 s.
     *
     * @param timeout timeout
     * @return this builder
     */
    public Builder probeTimeout(Duration timeout) {
      this.probeTimeout = ClientArgs.positive(timeout);
      return this;
    }

    /**
     * Builds the client. No network call is made.
     *
     * @return the client
     */
    public EasClient build() {
      return new EasClient(this);
    }
  }
}
