package dev.pailot.core.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.core.network.CloudStubs.group;
import static dev.pailot.core.network.CloudStubs.groups;
import static dev.pailot.core.network.CloudStubs.param;
import static dev.pailot.core.network.CloudStubs.rpc;
import static dev.pailot.core.network.CloudStubs.rule;
import static dev.pailot.core.network.CloudStubs.vSwitch;
import static dev.pailot.core.network.CloudStubs.vSwitches;
import static dev.pailot.core.network.CloudStubs.vpc;
import static dev.pailot.core.network.CloudStubs.vpcs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pailot.core.Pai;
import dev.pailot.core.network.PlannedChange.Action;
import dev.pailot.core.network.PlannedChange.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworkPlanTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

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

  @Test
  void emptyCloudPlansEveryCreateWithDescribeCallsOnly() {
    cloud.noVpc();

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.changes())
        .extracting(PlannedChange::resourceType, PlannedChange::action)
        .containsExactly(
            tuple(ResourceType.VPC, Action.CREATE),
            tuple(ResourceType.VSWITCH, Action.CREATE),
            tuple(ResourceType.VSWITCH, Action.CREATE),
            tuple(ResourceType.SECURITY_GROUP, Action.CREATE),
            tuple(ResourceType.INGRESS_RULE, Action.CREATE),
            tuple(ResourceType.INGRESS_RULE, Action.CREATE));
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.drift()).isEmpty();
    assertThat(plan.conflicts()).isEmpty();
    assertThat(cloud.actions()).isNotEmpty().allMatch(a -> a.startsWith("Describe"));
    assertThat(plan.render())
        .startsWith(
            "Plan for network pailot-prod in cn-shanghai: 6 to create, 0 unchanged, 0 drift,"
                + " 0 conflicts\n")
        .contains(
            "+ vpc pailot-prod 10.0.0.0/16\n",
            "+ vswitch pailot-prod-b cn-shanghai-b 10.0.1.0/24\n",
            "+ security-group pailot-prod-sg\n",
            "+ ingress TCP 8080/8080 from 10.0.0.0/8 accept, priority 1, intranet\n",
            "+ ingress ICMP -1/-1 from 10.0.0.0/8 accept, priority 2, intranet\n");
  }

  @Test
  void vpcLookupFiltersByNameAndManagedByTag() {
    cloud.noVpc();

    network.plan(CloudStubs.spec());

    LoggedRequest describe = cloud.requests("DescribeVpcs").get(0);
    assertThat(describe.getHeader("x-acs-version")).isEqualTo("2016-04-28");
    assertThat(param(describe, "RegionId")).isEqualTo("cn-shanghai");
    assertThat(param(describe, "VpcName")).isEqualTo("pailot-prod");
    assertThat(param(describe, "Tag.1.Key")).isEqualTo("managed-by");
    assertThat(param(describe, "Tag.1.Value")).isEqualTo("pailot");
    assertThat(param(describe, "PageNumber")).isEqualTo("1");
    assertThat(param(describe, "PageSize")).isEqualTo("50");
  }

  @Test
  void existingNetworkIsUnchanged() {
    cloud.existingNetwork();

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.changes()).allMatch(c -> c.action() == Action.UNCHANGED);
    assertThat(plan.changes())
        .extracting(c -> c.resourceId().orElse(null))
        .containsExactly("vpc-1", "vsw-b", "vsw-g", "sg-1", "sgr-1", "sgr-2");
    assertThat(plan.render()).contains("= vswitch pailot-prod-b cn-shanghai-b 10.0.1.0/24 (vsw-b)");
    LoggedRequest attr = cloud.requests("DescribeSecurityGroupAttribute").get(0);
    assertThat(attr.getHeader("x-acs-version")).isEqualTo("2014-05-26");
    assertThat(param(attr, "Direction")).isEqualTo("ingress");
  }

  @Test
  void extraPublicSshRuleIsDriftNotAChange() {
    cloud.existingNetwork(rule("sgr-9", "TCP", "22/22", "0.0.0.0/0", "Accept", "1"));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.drift())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.resourceType()).isEqualTo(ResourceType.INGRESS_RULE);
              assertThat(d.resourceId()).contains("sgr-9");
            });
    assertThat(plan.render())
        .contains(
            "! drift: ingress TCP 22/22 from 0.0.0.0/0 present but not in spec (not deleted)");
  }

  @Test
  void extraVSwitchIsDrift() {
    cloud.existingNetwork();
    cloud.stub(
        rpc("DescribeVSwitches").withQueryParam("VpcId", equalTo("vpc-1")),
        vSwitches(
            3,
            vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Available"),
            vSwitch("vsw-g", "pailot-prod-g", "cn-shanghai-g", "10.0.2.0/24", "Available"),
            vSwitch("vsw-x", "hand-made", "cn-shanghai-b", "10.0.9.0/24", "Available")));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.render())
        .contains(
            "! drift: vswitch hand-made cn-shanghai-b 10.0.9.0/24 present but not in spec"
                + " (not deleted)");
  }

  @Test
  void vpcWithAnotherCidrIsAConflict() {
    cloud.existingNetwork();
    cloud.stub(
        rpc("DescribeVpcs").withQueryParam("VpcName", equalTo("pailot-prod")),
        vpcs(vpc("vpc-1", "192.168.0.0/16", "Available")));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.hasConflicts()).isTrue();
    assertThat(plan.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.resourceType()).isEqualTo(ResourceType.VPC);
              assertThat(c.detail()).contains("192.168.0.0/16", "10.0.0.0/16");
            });
    assertThat(plan.render())
        .contains(
            "x conflict: vpc pailot-prod: exists as vpc-1 with CIDR 192.168.0.0/16 but the spec"
                + " says 10.0.0.0/16");
  }

  @Test
  void newVSwitchOverlappingAnExistingOneIsAConflict() {
    cloud.existingNetwork();
    cloud.stub(
        rpc("DescribeVSwitches").withQueryParam("VpcId", equalTo("vpc-1")),
        vSwitches(
            2,
            vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Available"),
            vSwitch("vsw-x", "hand-made", "cn-shanghai-g", "10.0.0.0/22", "Available")));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.render()).contains("pailot-prod-g", "overlaps", "vsw-x"));
  }

  @Test
  void securityGroupsArePagedByNextToken() {
    cloud.existingNetwork();
    // The name filter matches by prefix on some accounts; the exact name is on page 2.
    cloud.stub(
        rpc("DescribeSecurityGroups")
            .withQueryParam("VpcId", equalTo("vpc-1"))
            .withQueryParam("NextToken", absent()),
        groups("page-2", group("sg-0", "pailot-prod-sg-legacy")));
    cloud.stub(
        rpc("DescribeSecurityGroups")
            .withQueryParam("VpcId", equalTo("vpc-1"))
            .withQueryParam("NextToken", equalTo("page-2")),
        groups("", group("sg-1", "pailot-prod-sg")));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.changes())
        .filteredOn(c -> c.resourceType() == ResourceType.SECURITY_GROUP)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(Action.UNCHANGED);
              assertThat(c.resourceId()).contains("sg-1");
            });
    List<LoggedRequest> pages = cloud.requests("DescribeSecurityGroups");
    assertThat(pages).hasSize(2);
    assertThat(pages).allSatisfy(r -> assertThat(param(r, "MaxResults")).isEqualTo("100"));
    assertThat(pages)
        .allSatisfy(r -> assertThat(param(r, "SecurityGroupName")).isEqualTo("pailot-prod-sg"));
    assertThat(param(pages.get(1), "NextToken")).isEqualTo("page-2");
  }

  @Test
  void vSwitchesArePagedByPageNumber() {
    cloud.existingNetwork();
    List<String> firstPage = new ArrayList<>();
    firstPage.add(vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Available"));
    for (int i = 0; i < 49; i++) {
      firstPage.add(
          vSwitch(
              "vsw-d" + i,
              "other-" + i,
              "cn-shanghai-b",
              "10.0.1" + (i + 10) + ".0/24",
              "Available"));
    }
    cloud.stub(
        rpc("DescribeVSwitches").withQueryParam("PageNumber", equalTo("1")),
        vSwitches(51, firstPage.toArray(String[]::new)));
    cloud.stub(
        rpc("DescribeVSwitches").withQueryParam("PageNumber", equalTo("2")),
        vSwitches(
            51, vSwitch("vsw-g", "pailot-prod-g", "cn-shanghai-g", "10.0.2.0/24", "Available")));

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.creates()).isEmpty();
    assertThat(plan.drift()).hasSize(49);
    assertThat(cloud.requests("DescribeVSwitches"))
        .extracting(r -> param(r, "PageNumber"))
        .containsExactly("1", "2");
  }

  @Test
  void throttledDescribeIsRetriedByThePipeline() {
    wm.stubFor(
        rpc("DescribeVpcs")
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("ok")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"RequestId\":\"req-t\",\"Code\":\"Throttling.User\","
                            + "\"Message\":\"Request was denied due to user flow control.\"}")));
    cloud.stub(rpc("DescribeVpcs").inScenario("throttle").whenScenarioStateIs("ok"), vpcs());

    NetworkPlan plan = network.plan(CloudStubs.spec());

    assertThat(plan.creates()).hasSize(6);
    assertThat(cloud.requests("DescribeVpcs")).hasSize(2);
  }
}
