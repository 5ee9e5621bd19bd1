package dev.pailot.core.network;

import dev.pailot.core.Pai;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.WaitSettings;
import dev.pailot.core.network.internal.ClientTokens;
import dev.pailot.core.network.internal.CloudReader;
import dev.pailot.core.network.internal.Differ;
import dev.pailot.core.network.internal.NetworkApplier;
import dev.pailot.core.network.internal.NetworkDiff;
import dev.pailot.core.network.internal.SecurityGroupOperations;
import dev.pailot.core.network.internal.VpcOperations;
import java.time.Duration;
import java.util.Objects;

/**
 * Network as code: plans and applies a {@link NetworkSpec} (VPC, vSwitches, security group and
 * inbound rules) against VPC and ECS.
 *
 * <pre>{@code
 * NetworkClient network = NetworkClient.create(pai);
 * NetworkPlan plan = network.plan(spec);      // Describe calls only
 * System.out.println(plan.render());
 * NetworkState state = network.apply(spec);   // creates only what is missing
 * }</pre>
 *
 * <p><b>Plan</b> reads the cloud with Describe calls only. Resources are found by name and the tag
 * {@code managed-by=pailot}: the VPC by name in the region, vSwitches by zone and name in that VPC,
 * the security group by name in that VPC, rules by protocol, ports, source, policy, priority and
 * NIC type.
 *
 * <p><b>Apply</b> plans again, refuses on any conflict before creating anything, then creates only
 * what is missing in dependency order and waits for each VPC and vSwitch to become {@code
 * Available}. Applying an unchanged spec twice makes no create call the second time. Drift
 * (resources present in the cloud but not in the spec) is reported in the plan, the state and as
 * {@code DRIFT} progress events, and never deleted.
 *
 * <p><b>Idempotency.</b> Every create carries a {@code ClientToken} derived from the region, the
 * parent id and the resource's identity (SHA-256, {@code pailot-<kind>-<32 hex>}), not a random
 * one: a retry by the pipeline, a second apply after a crash between create and the next read, or
 * two processes applying the same spec all get the original resource instead of a duplicate. The
 * cost: the cloud remembers tokens for a while, so re-creating a deleted resource with the same
 * identity soon after may return the deleted id (the wait then times out); set {@link
 * Builder#clientTokenSalt(String)} to start a fresh token space.
 *
 * <p>Progress is published to the {@link Pai}'s listener as {@code ProgressEvent}s with operation
 * {@code network.apply} and phases {@code CREATING}, {@code CREATED}, {@code UNCHANGED}, {@code
 * WAITING}, {@code AVAILABLE} and {@code DRIFT}.
 *
 * <p>Thread-safe and stateless; calls run on the caller's thread. Uses the {@link Pai}'s
 * connections; closing the {@code Pai} ends it.
 */
public final class NetworkClient {
  private final PaiRuntime runtime;
  private final CloudReader reader;
  private final VpcOperations vpcs;
  private final SecurityGroupOperations groups;
  private final ClientTokens tokens;
  private final WaitSettings wait;

  private NetworkClient(Builder b) {
    this.runtime = PaiRuntime.of(b.pai);
    this.vpcs = new VpcOperations(runtime);
    this.groups = new SecurityGroupOperations(runtime);
    this.reader = new CloudReader(vpcs, groups);
    this.tokens = new ClientTokens(runtime.config().region(), b.clientTokenSalt);
    this.wait = b.wait;
  }

  /**
   * A client with default waits (up to 10 minutes per resource, polling every 2 to 15 s).
   *
   * @param pai the connection to use
   * @return the client
   */
  public static NetworkClient create(Pai pai) {
    return builder(pai).build();
  }

  /**
   * A builder for a client with custom waits or a token salt.
   *
   * @param pai the connection to use
   * @return builder
   */
  public static Builder builder(Pai pai) {
    return new Builder(Objects.requireNonNull(pai, "pai"));
  }

  /**
   * Compares the spec with the cloud using Describe calls only (DescribeVpcs, DescribeVSwitches,
   * DescribeSecurityGroups, DescribeSecurityGroupAttribute). Nothing is changed.
   *
   * @param spec the desired network
   * @return the plan
   * @throws PaiException when a Describe call fails after the pipeline's retries (e.g. {@code
   *     AuthenticationException})
   */
  public NetworkPlan plan(NetworkSpec spec) {
    return diff(spec).plan();
  }

  /**
   * Plans, then creates only what is missing and waits until it is available. Never deletes.
   *
   * @param spec the desired network
   * @return the network's ids and what was done
   * @throws NetworkConflictException when the cloud contradicts the spec; nothing is created
   * @throws WaiterTimeoutException when a resource is not {@code Available} in time; what was
   *     created stays and the next apply continues from there
   * @throws PaiException when a call fails after the pipeline's retries
   */
  public NetworkState apply(NetworkSpec spec) {
    NetworkDiff diff = diff(spec);
    return new NetworkApplier(runtime, vpcs, groups, tokens, wait, spec).apply(diff);
  }

  private NetworkDiff diff(NetworkSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return Differ.diff(spec, reader.read(spec), runtime.config().region());
  }

  /** Builds a {@link NetworkClient}. Not thread-safe. */
  public static final class Builder {
    private final Pai pai;
    private WaitSettings wait = WaitSettings.defaults();
    private String clientTokenSalt = "";

    private Builder(Pai pai) {
      this.pai = pai;
    }

    /**
     * How long apply waits for each VPC or vSwitch to become {@code Available}. Default 10 minutes.
     *
     * @param timeout positive deadline per resource
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder availableTimeout(Duration timeout) {
      this.wait = wait.withTimeout("availableTimeout", timeout);
      return this;
    }

    /**
     * Poll delays while waiting: the first is {@code min}, growing 1.5x up to {@code max}. Default
     * 2 s to 15 s.
     *
     * @param min first delay, not negative
     * @param max largest delay, at least {@code min}
     * @return this builder
     * @throws ValidationException if {@code min} is negative or above {@code max}
     */
    public Builder pollDelays(Duration min, Duration max) {
      this.wait = wait.withDelays(min, max);
      return this;
    }

    /**
     * Mixed into every {@code ClientToken}; change it to re-create resources that were deleted
     * recently (within the cloud's token memory). Default empty.
     *
     * @param salt any text, e.g. {@code 2026-05-rebuild}
     * @return this builder
     */
    public Builder clientTokenSalt(String salt) {
      this.clientTokenSalt = Objects.requireNonNull(salt, "salt");
      return this;
    }

    /**
     * Builds the client. No network call is made.
     *
     * @return the client
     */
    public NetworkClient build() {
      return new NetworkClient(this);
    }
  }
}
