package dev.pailot.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pailot.testkit.stubs.EasStubs;
import dev.pailot.testkit.stubs.EcsStubs;
import dev.pailot.testkit.stubs.Faults;
import dev.pailot.testkit.stubs.VpcStubs;
import dev.pailot.testkit.stubs.WorkspaceStubs;
import dev.pailot.testkit.verify.RecordedCalls;
import java.util.Objects;

/**
 * One entry point for stubbing a mock PAI server, injecting faults and reading what it received:
 *
 * <pre>{@code
 * stubs.vpc().describeVpcs(vpc("vpc-1", "pailot-prod", "10.0.0.0/16", "Available"));
 * stubs.faults().throttle("DescribeVpcs", 2, Duration.ofMillis(40));
 * // ... exercise the code under test ...
 * stubs.calls().assertCount("DescribeVpcs", 3);
 * }</pre>
 *
 * <p>Injected by {@link PaiMockServer}; can also wrap any running {@link WireMockServer}.
 * Thread-safe; what it registers lives until the server is reset (before each test under {@link
 * PaiMockServer}).
 */
public final class PaiStubs {
  private final WireMockServer server;
  private final VpcStubs vpc;
  private final EcsStubs ecs;
  private final WorkspaceStubs workspace;
  private final EasStubs eas;
  private final Faults faults;
  private final RecordedCalls calls;

  /**
   * Stubs on a running WireMock server.
   *
   * @param server the server
   */
  public PaiStubs(WireMockServer server) {
    this.server = Objects.requireNonNull(server, "server");
    this.vpc = new VpcStubs(server);
    this.ecs = new EcsStubs(server);
    this.workspace = new WorkspaceStubs(server);
    this.eas = new EasStubs(server);
    this.faults = new Faults(server);
    this.calls = new RecordedCalls(server);
  }

  /**
   * VPC stubs: VPCs and vSwitches.
   *
   * @return VPC stubs
   */
  public VpcStubs vpc() {
    return vpc;
  }

  /**
   * ECS stubs: security groups and their rules.
   *
   * @return ECS stubs
   */
  public EcsStubs ecs() {
    return ecs;
  }

  /**
   * AIWorkspace stubs: workspaces and datasets.
   *
   * @return AIWorkspace stubs
   */
  public WorkspaceStubs workspace() {
    return workspace;
  }

  /**
   * EAS stubs: services, versions, groups, mirrors, scalers, events and diagnosis.
   *
   * @return EAS stubs
   */
  public EasStubs eas() {
    return eas;
  }

  /**
   * Fault injection: errors, throttling, 5xx, delays, connection resets.
   *
   * @return faults
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The requests the server received since its last reset.
   *
   * @return recorded calls
   */
  public RecordedCalls calls() {
    return calls;
  }

  /**
   * The underlying server, for WireMock features not covered here.
   *
   * @return the server
   */
  public WireMockServer server() {
    return server;
  }
}
