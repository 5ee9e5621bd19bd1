package dev.pailot.core.network;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.core.network.CloudStubs.group;
import static dev.pailot.core.network.CloudStubs.groups;
import static dev.pailot.core.network.CloudStubs.param;
import static dev.pailot.core.network.CloudStubs.rpc;
import static dev.pailot.core.network.CloudStubs.rule;
import static dev.pailot.core.network.CloudStubs.rules;
import static dev.pailot.core.network.CloudStubs.vSwitch;
import static dev.pailot.core.network.CloudStubs.vSwitches;
import static dev.pailot.core.network.CloudStubs.vpc;
import static dev.pailot.core.network.CloudStubs.vpcs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pailot.core.Pai;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.event.ProgressEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworkApplyTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "pailot-[a-z]+-[0-9a-f]{32}";

  private CloudStubs cloud;
  private Pai pai;
  private NetworkClient network;

  @BeforeEach
  void setUp() {
    cloud = new CloudStubs(wm);
    pai = cloud.pai();
    network = CloudStubs.client(pai);
  }

  @AfterEach
  void tearDown() {
    pai.close();
  }

  /** An empty cloud whose new VPC and first vSwitch are Pending once before Available. */
  private void emptyCloudThatCreates() {
    cloud.noVpc();
    cloud.stub(
        rpc("CreateVpc"),
        "{\"VpcId\":\"vpc-1\",\"VRouterId\":\"vrt-1\",\"RouteTableId\":\"vtb-1\","
            + "\"ResourceGroupId\":\"rg-1\",\"RequestId\":\"req-cv\"}");
    pendingThenAvailable(
        "vpc",
        () -> rpc("DescribeVpcs").withQueryParam("VpcId", equalTo("vpc-1")),
        vpcs(vpc("vpc-1", "10.0.0.0/16", "Pending")),
        vpcs(vpc("vpc-1", "10.0.0.0/16", "Available")));
    cloud.stub(
        rpc("CreateVSwitch").withQueryParam("ZoneId", equalTo("cn-shanghai-b")),
        "{\"VSwitchId\":\"vsw-b\",\"RequestId\":\"req-vb\"}");
    cloud.stub(
        rpc("CreateVSwitch").withQueryParam("ZoneId", equalTo("cn-shanghai-g")),
        "{\"VSwitchId\":\"vsw-g\",\"RequestId\":\"req-vg\"}");
    pendingThenAvailable(
        "vsw-b",
        () -> rpc("DescribeVSwitches").withQueryParam("VSwitchId", equalTo("vsw-b")),
        vSwitches(1, vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Pending")),
        vSwitches(
            1, vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Available")));
    cloud.stub(
        rpc("DescribeVSwitches").withQueryParam("VSwitchId", equalTo("vsw-g")),
        vSwitches(
            1, vSwitch("vsw-g", "pailot-prod-g", "cn-shanghai-g", "10.0.2.0/24", "Available")));
    cloud.stub(
        rpc("CreateSecurityGroup"), "{\"SecurityGroupId\":\"sg-1\",\"RequestId\":\"req-sg\"}");
    cloud.stub(
        rpc("DescribeSecurityGroups").withQueryParam("SecurityGroupId", equalTo("sg-1")),
        groups("", group("sg-1", "pailot-prod-sg")));
    cloud.stub(rpc("AuthorizeSecurityGroup"), "{\"RequestId\":\"req-auth\"}");
  }

  private void pendingThenAvailable(
      String scenario, Supplier<MappingBuilder> describe, String pending, String available) {
    cloud.stub(
        describe
            .get()
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("available"),
        pending);
    cloud.stub(describe.get().inScenario(scenario).whenScenarioStateIs("available"), available);
  }

  @Test
  void applyOnEmptyCloudCreatesInDependencyOrderAndWaits() {
    emptyCloudThatCreates();

    NetworkState state = network.apply(CloudStubs.spec());

    assertThat(cloud.actions())
        .containsExactly(
            "DescribeVpcs",
            "CreateVpc",
            "DescribeVpcs", // Pending
            "DescribeVpcs", // Available
            "CreateVSwitch",
            "DescribeVSwitches", // Pending
            "DescribeVSwitches", // Available
            "CreateVSwitch",
            "DescribeVSwitches",
            "CreateSecurityGroup",
            "DescribeSecurityGroups",
            "AuthorizeSecurityGroup");
    assertThat(state.vpcId()).isEqualTo("vpc-1");
    assertThat(state.vSwitchId("cn-shanghai-b", "pailot-prod-b")).contains("vsw-b");
    assertThat(state.vSwitchIds())
        .containsExactly(
            Map.entry("cn-shanghai-b/pailot-prod-b", "vsw-b"),
            Map.entry("cn-shanghai-g/pailot-prod-g", "vsw-g"));
    assertThat(state.securityGroupId()).isEqualTo("sg-1");
    assertThat(state.created()).isEqualTo(6);
    assertThat(state.unchanged()).isZero();
    assertThat(state.changes())
        .extracting(c -> c.resourceId().orElse("-"))
        .containsExactly("vpc-1", "vsw-b", "vsw-g", "sg-1", "-", "-");
  }

  @Test
  void everyCreateCarriesClientTokenRegionAndProductVersion() {
    emptyCloudThatCreates();

    network.apply(CloudStubs.spec());

    List<LoggedRequest> creates =
        cloud.requests().stream()
            .filter(r -> !r.getHeader("x-acs-action").startsWith("Describe"))
            .toList();
    assertThat(creates).hasSize(5);
    for (LoggedRequest r : creates) {
      String action = r.getHeader("x-acs-action");
      String version = action.endsWith("SecurityGroup") ? "2014-05-26" : "2016-04-28";
      assertThat(r.getHeader("x-acs-version")).as(action).isEqualTo(version);
      assertThat(param(r, "RegionId")).as(action).isEqualTo("cn-shanghai");
      assertThat(param(r, "ClientToken")).as(action).matches(TOKEN).hasSizeLessThanOrEqualTo(64);
      assertThat(r.getMethod().getName()).isEqualTo("POST");
      assertThat(r.getBodyAsString()).isEmpty();
    }
    assertThat(creates).extracting(r -> param(r, "ClientToken")).doesNotHaveDuplicates();
  }

  @Test
  void createRequestsCarryTheSpec() {
    emptyCloudThatCreates();

    network.apply(CloudStubs.spec());

    LoggedRequest vpc = cloud.requests("CreateVpc").get(0);
    assertThat(param(vpc, "CidrBlock")).isEqualTo("10.0.0.0/16");
    assertThat(param(vpc, "VpcName")).isEqualTo("pailot-prod");
    assertThat(param(vpc, "Tag.1.Key")).isEqualTo("managed-by");
    assertThat(param(vpc, "Tag.1.Value")).isEqualTo("pailot");
    assertThat(param(vpc, "Tag.2.Key")).isEqualTo("team");
    assertThat(param(vpc, "Tag.2.Value")).isEqualTo("ml");

    LoggedRequest vsw = cloud.requests("CreateVSwitch").get(0);
    assertThat(param(vsw, "VpcId")).isEqualTo("vpc-1");
    assertThat(param(vsw, "ZoneId")).isEqualTo("cn-shanghai-b");
    assertThat(param(vsw, "CidrBlock")).isEqualTo("10.0.1.0/24");
    assertThat(param(vsw, "VSwitchName")).isEqualTo("pailot-prod-b");
    assertThat(param(vsw, "Tag.1.Key")).isEqualTo("managed-by");

    LoggedRequest sg = cloud.requests("CreateSecurityGroup").get(0);
    assertThat(param(sg, "VpcId")).isEqualTo("vpc-1");
    assertThat(param(sg, "SecurityGroupName")).isEqualTo("pailot-prod-sg");
    assertThat(param(sg, "Description")).isEqualTo("Managed by Pailot");

    LoggedRequest auth = cloud.requests("AuthorizeSecurityGroup").get(0);
    assertThat(auth.getUrl())
        .contains(
            "Permissions.1.IpProtocol=TCP",
            "Permissions.1.PortRange=8080%2F8080",
            "Permissions.1.SourceCidrIp=10.0.0.0%2F8",
            "Permissions.1.NicType=intranet");
    assertThat(param(auth, "SecurityGroupId")).isEqualTo("sg-1");
    assertThat(param(auth, "Permissions.1.PortRange")).isEqualTo("8080/8080");
    assertThat(param(auth, "Permissions.1.SourceCidrIp")).isEqualTo("10.0.0.0/8");
    assertThat(param(auth, "Permissions.1.Policy")).isEqualTo("accept");
    assertThat(param(auth, "Permissions.1.Priority")).isEqualTo("1");
    assertThat(param(auth, "Permissions.2.IpProtocol")).isEqualTo("ICMP");
    assertThat(param(auth, "Permissions.2.PortRange")).isEqualTo("-1/-1");
    assertThat(param(auth, "Permissions.2.Priority")).isEqualTo("2");
    assertThat(param(auth, "Permissions.3.IpProtocol")).isNull();
  }

  @Test
  void clientTokensAreTheSameWhenApplyRunsAgainAfterACrash() {
    emptyCloudThatCreates();
    network.apply(CloudStubs.spec());
    List<String> first = tokens();
    wm.resetRequests();
    wm.resetScenarios();

    // The cloud still answers "no VPC" (as right after a crash, before reads see the create).
    network.apply(CloudStubs.spec());

    assertThat(tokens()).isEqualTo(first);
  }

  private List<String> tokens() {
    return cloud.requests().stream()
        .map(r -> param(r, "ClientToken"))
        .filter(t -> t != null)
        .toList();
  }

  @Test
  void progressEventsFollowTheApply() {
    emptyCloudThatCreates();

    network.apply(CloudStubs.spec());

    assertThat(cloud.progress).allMatch(e -> e.operation().equals("network.apply"));
    assertThat(cloud.progress)
        .filteredOn(e -> e.resource().equals("vpc/pailot-prod"))
        .extracting(ProgressEvent::phase)
        .containsExactly("CREATING", "CREATED", "WAITING", "WAITING", "AVAILABLE");
    assertThat(cloud.progress)
        .filteredOn(e -> e.phase().equals("WAITING") && e.attributes().containsKey("state"))
        .extracting(e -> e.attributes().get("state"))
        .containsOnly("Pending");
    assertThat(cloud.progress)
        .filteredOn(e -> e.resource().startsWith("ingress/"))
        .extracting(ProgressEvent::phase)
        .containsExactly("CREATING", "CREATING", "CREATED", "CREATED");
  }

  @Test
  void applyOnExistingNetworkMakesNoCreateCalls() {
    cloud.existingNetwork();

    NetworkState state = network.apply(CloudStubs.spec());

    assertThat(cloud.actions()).isNotEmpty().allMatch(a -> a.startsWith("Describe"));
    assertThat(state.created()).isZero();
    assertThat(state.unchanged()).isEqualTo(6);
    assertThat(state.vpcId()).isEqualTo("vpc-1");
    assertThat(state.vSwitchId("cn-shanghai-g", "pailot-prod-g")).contains("vsw-g");
    assertThat(state.securityGroupId()).isEqualTo("sg-1");
    assertThat(cloud.progress).extracting(ProgressEvent::phase).containsOnly("UNCHANGED");
  }

  @Test
  void onlyTheMissingRuleIsAuthorized() {
    cloud.existingNetwork();
    cloud.stub(
        rpc("DescribeSecurityGroupAttribute").withQueryParam("SecurityGroupId", equalTo("sg-1")),
        rules(rule("sgr-1", "tcp", "8080/8080", "10.0.0.0/8", "accept", "1")));
    cloud.stub(rpc("AuthorizeSecurityGroup"), "{\"RequestId\":\"req-auth\"}");

    NetworkState state = network.apply(CloudStubs.spec());

    assertThat(cloud.actions())
        .filteredOn(a -> !a.startsWith("Describe"))
        .containsExactly("AuthorizeSecurityGroup");
    LoggedRequest auth = cloud.requests("AuthorizeSecurityGroup").get(0);
    assertThat(param(auth, "Permissions.1.IpProtocol")).isEqualTo("ICMP");
    assertThat(param(auth, "Permissions.2.IpProtocol")).isNull();
    assertThat(state.created()).isEqualTo(1);
    assertThat(state.unchanged()).isEqualTo(5);
  }

  @Test
  void driftIsReportedAndNeverRevoked() {
    cloud.existingNetwork(rule("sgr-9", "TCP", "22/22", "0.0.0.0/0", "Accept", "1"));

    NetworkState state = network.apply(CloudStubs.spec());

    assertThat(cloud.actions()).allMatch(a -> a.startsWith("Describe"));
    assertThat(cloud.actions()).noneMatch(a -> a.startsWith("Revoke") || a.startsWith("Delete"));
    assertThat(state.drift())
        .singleElement()
        .satisfies(d -> assertThat(d.name()).isEqualTo("TCP 22/22 from 0.0.0.0/0"));
    assertThat(cloud.progress)
        .filteredOn(e -> e.phase().equals("DRIFT"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attributes()).containsEntry("id", "sgr-9");
              assertThat(e.message()).contains("not deleted");
            });
  }

  @Test
  void cidrConflictBlocksApplyBeforeAnyCreate() {
    cloud.existingNetwork();
    cloud.stub(
        rpc("DescribeVpcs").withQueryParam("VpcName", equalTo("pailot-prod")),
        vpcs(vpc("vpc-1", "192.168.0.0/16", "Available")));

    assertThatThrownBy(() -> network.apply(CloudStubs.spec()))
        .isInstanceOf(NetworkConflictException.class)
        .hasMessageContaining("Cannot apply network pailot-prod in cn-shanghai")
        .hasMessageContaining("vpc-1 with CIDR 192.168.0.0/16 but the spec says 10.0.0.0/16")
        .hasMessageContaining("Nothing was created")
        .satisfies(e -> assertThat(((NetworkConflictException) e).plan().conflicts()).hasSize(1));
    assertThat(cloud.actions()).allMatch(a -> a.startsWith("Describe"));
  }

  @Test
  void vpcThatNeverBecomesAvailableTimesOutNamingIt() {
    cloud.noVpc();
    cloud.stub(rpc("CreateVpc"), "{\"VpcId\":\"vpc-1\",\"RequestId\":\"req-cv\"}");
    cloud.stub(
        rpc("DescribeVpcs").withQueryParam("VpcId", equalTo("vpc-1")),
        vpcs(vpc("vpc-1", "10.0.0.0/16", "Pending")));
    NetworkClient impatient =
        NetworkClient.builder(pai)
            .pollDelays(Duration.ofMillis(1), Duration.ofMillis(1))
            .availableTimeout(Duration.ofMillis(100))
            .build();

    assertThatThrownBy(() -> impatient.apply(CloudStubs.spec()))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("vpc/pailot-prod (vpc-1)")
        .hasMessageContaining("Pending");
    assertThat(cloud.actions()).doesNotContain("CreateVSwitch");
  }
}
