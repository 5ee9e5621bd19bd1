package dev.pailot.serving.release;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.release.gates.ReleaseGate;
import dev.pailot.serving.release.internal.ReleaseOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One blue-green release, configured fluently, then {@link #run()}. Defaults: stages 10% -> 50% ->
 * 100%, 5 minutes' bake per stage (and for the pre-traffic check), 30 seconds' drain before
 * stopping a service traffic has left, 3 warm-up chat requests, green stopped on rollback, blue
 * kept on promotion, a found release continued. Not thread-safe while configuring; {@link #run()}
 * runs on the calling thread.
 */
public final class BlueGreenRelease {
  private final BlueGreen owner;
  private final ServiceSpec spec;
  private final ReleasePlan.Builder plan;
  private final List<ReleaseGate> gates = new ArrayList<>();
  private ReleaseListener listener = ReleaseListener.NONE;
  private ChatRequest warmupRequest;
  private DeployOptions deployOptions = DeployOptions.defaults();
  private Function<ReleaseOps.Endpoint, InferenceClient> clients =
      e -> InferenceClient.builder().endpoint(e.url()).token(e.token()).build();

  BlueGreenRelease(BlueGreen owner, String group, String blue, String green, ServiceSpec spec) {
    this.owner = owner;
    this.spec = spec;
    this.plan = ReleasePlan.builder().group(group).blue(blue).green(green);
    if (spec != null) {
      spec.metadata()
          .group()
          .filter(g -> !g.equals(group))
          .ifPresent(
              g -> {
                throw ValidationException.invalidField(
                    "greenSpec.metadata.group",
                    g + " is not the release's group " + group,
                    "leave it unset or set it to " + group);
              });
    }
  }

  /**
   * Green's share of traffic at each stage, increasing, ending at 100.
   *
   * @param percents stage percents
   * @return this release
   */
  public BlueGreenRelease stages(int... percents) {
    plan.stages(Arrays.stream(percents).boxed().toList());
    return this;
  }

  /**
   * How long each stage (and the pre-traffic check) runs before the gates judge it.
   *
   * @param bake bake time
   * @return this release
   */
  public BlueGreenRelease bake(Duration bake) {
    plan.bake(bake);
    return this;
  }

  /**
   * How long to wait after traffic leaves a service before stopping it.
   *
   * @param drain drain time
   * @return this release
   */
  public BlueGreenRelease drain(Duration drain) {
    plan.drain(drain);
    return this;
  }

  /**
   * How long green may take to run and answer.
   *
   * @param timeout deploy timeout
   * @return this release
   */
  public BlueGreenRelease deployTimeout(Duration timeout) {
    plan.deployTimeout(timeout);
    return this;
  }

  /**
   * The preflight profile and waived checks for green, as {@code EasClient.deploy} takes them
   * (default {@link DeployOptions#defaults()}); green is not created when preflight finds an error
   * that is not waived.
   *
   * @param options deploy options (profile and waivers are used)
   * @return this release
   */
  public BlueGreenRelease deployOptions(DeployOptions options) {
    this.deployOptions = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Warm-up chat requests sent to green's own endpoint before the pre-traffic check; 0 skips the
   * warm-up (for services that do not speak the OpenAI chat API).
   *
   * @param requests how many
   * @return this release
   */
  public BlueGreenRelease warmup(int requests) {
    plan.warmupRequests(requests);
    return this;
  }

  /**
   * Warm-up with a request of your own.
   *
   * @param request the request
   * @param requests how many
   * @return this release
   */
  public BlueGreenRelease warmup(ChatRequest request, int requests) {
    this.warmupRequest = Objects.requireNonNull(request, "request");
    return warmup(requests);
  }

  /**
   * Adds a gate; gates judge in the order added.
   *
   * @param gate the gate
   * @return this release
   */
  public BlueGreenRelease gate(ReleaseGate gate) {
    gates.add(Objects.requireNonNull(gate, "gate"));
    plan.addGates(gate.name());
    return this;
  }

  /**
   * What a rollback does with green.
   *
   * @param policy policy
   * @return this release
   */
  public BlueGreenRelease onRollback(GreenPolicy policy) {
    plan.onRollback(policy);
    return this;
  }

  /**
   * What a promotion does with blue.
   *
   * @param policy policy
   * @return this release
   */
  public BlueGreenRelease afterPromotion(BluePolicy policy) {
    plan.afterPromotion(policy);
    return this;
  }

  /**
   * What to do when the release is found in progress.
   *
   * @param policy policy
   * @return this release
   */
  public BlueGreenRelease onResume(ResumePolicy policy) {
    plan.onResume(policy);
    return this;
  }

  /**
   * Receives the release's events.
   *
   * @param listener listener
   * @return this release
   */
  public BlueGreenRelease listener(ReleaseListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * How the release builds clients for green's and blue's own endpoints (warm-up, gates); the
   * default is a plain {@link InferenceClient} with the service's token. The release closes them.
   *
   * @param factory endpoint URL and token to client
   * @return this release
   */
  public BlueGreenRelease clients(Function<ServiceEndpoint, InferenceClient> factory) {
    Objects.requireNonNull(factory, "factory");
    this.clients = e -> factory.apply(new ServiceEndpoint(e.url(), e.token()));
    return this;
  }

  /**
   * The plan as plain data.
   *
   * @return plan
   * @throws ValidationException if the configuration is invalid
   */
  public ReleasePlan plan() {
    return plan.build();
  }

  /**
   * The release's state in EAS now.
   *
   * @return state
   */
  public ReleaseState state() {
    return owner.controller(this, plan()).state();
  }

  /**
   * Runs the release on this thread: deploys green (unless it exists), warms it, judges the
   * pre-traffic check and every stage, then promotes or rolls back. A release found in progress is
   * resumed (see {@link ResumePolicy}). An interrupt ends the run at once with outcome {@link
   * ReleaseOutcome#INTERRUPTED} and EAS left as it was.
   *
   * @return the report
   * @throws ValidationException if the plan is invalid, blue is missing or not in the group, or a
   *     service named like green exists that this release did not create
   * @throws dev.pailot.core.error.PaiException if EAS fails; EAS keeps its weights and running the
   *     release again resumes it
   */
  public ReleaseReport run() {
    return owner.controller(this, plan()).run();
  }

  ServiceSpec spec() {
    return spec;
  }

  List<ReleaseGate> gates() {
    return gates;
  }

  ReleaseListener listener() {
    return listener;
  }

  DeployOptions deployOptions() {
    return deployOptions;
  }

  Optional<ChatRequest> warmupRequest() {
    return Optional.ofNullable(warmupRequest);
  }

  Function<ReleaseOps.Endpoint, InferenceClient> clients() {
    return clients;
  }
}
