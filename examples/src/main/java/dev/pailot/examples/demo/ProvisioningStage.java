package dev.pailot.examples.demo;

import dev.pailot.core.Pai;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkClient;
import dev.pailot.core.network.NetworkPlan;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.NetworkState;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.workspace.DataSourceType;
import dev.pailot.core.workspace.DatasetProperty;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import dev.pailot.testkit.localpai.LocalPai;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Demo stage 1: the network (VPC, two vSwitches, a default-deny security group open only to the
 * load balancer's subnet) and the PAI workspace with an OSS dataset, planned, applied, and applied
 * again to show that a second run creates nothing.
 */
public final class ProvisioningStage {
  /** The load balancer's subnet: the only source allowed into the serving port. */
  static final String LOAD_BALANCER_CIDR = "10.20.0.0/24";

  private final Pai pai;
  private final LocalPai localPai;
  private final PrintStream out;

  /**
   * Creates the stage.
   *
   * @param pai client pointed at LocalPai
   * @param localPai the emulator, whose request log proves the second apply creates nothing
   * @param out where progress is printed
   */
  public ProvisioningStage(Pai pai, LocalPai localPai, PrintStream out) {
    this.pai = pai;
    this.localPai = localPai;
    this.out = out;
  }

  /**
   * The network the blueprint asks for.
   *
   * @return the spec
   */
  public static NetworkSpec networkSpec() {
    return NetworkSpec.builder()
        .name("pailot-demo")
        .cidrBlock("10.20.0.0/16")
        .putTags("env", "demo")
        .addVSwitches(
            VSwitchSpec.of("cn-shanghai-b", "10.20.1.0/24", "pailot-demo-b"),
            VSwitchSpec.of("cn-shanghai-g", "10.20.2.0/24", "pailot-demo-g"))
        .securityGroup(
            SecurityGroupSpec.builder()
                .name("pailot-demo-sg")
                .addIngressRules(IngressRule.tcp(8080, LOAD_BALANCER_CIDR))
                .build())
        .build();
  }

  /**
   * The workspace and its training dataset.
   *
   * @return the spec
   */
  public static WorkspaceSpec workspaceSpec() {
    return WorkspaceSpec.builder()
        .name("pailot_demo")
        .description("Pailot lifecycle demo")
        .addDatasets(
            DatasetSpec.builder()
                .name("sft-train")
                .dataSourceType(DataSourceType.OSS)
                .uri("oss://pailot-demo.oss-cn-shanghai.aliyuncs.com/datasets/sft/")
                .property(DatasetProperty.DIRECTORY)
                .mountPath("/mnt/data/sft/")
                .build())
        .build();
  }

  /**
   * Runs the stage.
   *
   * @return what happened
   */
  public Result run() {
    NetworkClient network =
        NetworkClient.builder(pai)
            .pollDelays(Duration.ofMillis(20), Duration.ofMillis(200))
            .build();
    WorkspaceClient workspaces =
        WorkspaceClient.builder(pai)
            .pollDelays(Duration.ofMillis(20), Duration.ofMillis(200))
            .build();
    NetworkSpec netSpec = networkSpec();
    WorkspaceSpec wsSpec = workspaceSpec();

    out.println();
    out.println("== 1. Network and workspace as code");
    NetworkPlan plan = network.plan(netSpec);
    out.println("Plan (Describe calls only):");
    out.print(plan.render());
    out.println("Apply:");
    NetworkState first = network.apply(netSpec);
    WorkspaceState ws = workspaces.ensure(wsSpec);
    int createsFirst = createCalls();

    out.println("Apply again:");
    localPai.requests().clear();
    NetworkState second = network.apply(netSpec);
    WorkspaceState wsAgain = workspaces.ensure(wsSpec);
    int createsSecond = createCalls();
    out.printf(
        "Second apply: %d created, %d unchanged, %d create calls sent%n",
        second.created() + (wsAgain.changed() ? 1 : 0), second.unchanged(), createsSecond);
    return new Result(
        first.vpcId(),
        first.vSwitchIds(),
        first.securityGroupId(),
        ws.workspace().id(),
        ws.dataset("sft-train").map(d -> d.id()).orElse(""),
        first.created(),
        createsFirst,
        second.created(),
        createsSecond,
        second.drift().size());
  }

  private int createCalls() {
    return (int)
        localPai.requests().all().stream()
            .filter(r -> r.action().startsWith("Create") || r.action().startsWith("Authorize"))
            .count();
  }

  /**
   * What the stage did.
   *
   * @param vpcId the VPC
   * @param vSwitchIds vSwitch ids by {@code zone/name}
   * @param securityGroupId the security group
   * @param workspaceId the workspace
   * @param datasetId the dataset
   * @param createdFirst resources the first apply created
   * @param createCallsFirst create/authorize calls the first apply sent
   * @param createdSecond resources the second apply created (0 expected)
   * @param createCallsSecond create/authorize calls the second apply sent (0 expected)
   * @param drift drift items found by the second apply
   */
  public record Result(
      String vpcId,
      Map<String, String> vSwitchIds,
      String securityGroupId,
      String workspaceId,
      String datasetId,
      int createdFirst,
      int createCallsFirst,
      int createdSecond,
      int createCallsSecond,
      int drift) {}
}
