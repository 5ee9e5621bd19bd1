package dev.pailot.core.network;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.network.IngressRule.Protocol;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkSpecTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static NetworkSpec.Builder base() {
    return CloudStubs.spec().toBuilder();
  }

  private static NetworkSpec withVSwitches(VSwitchSpec... vSwitches) {
    return base().vSwitches(List.of(vSwitches)).build();
  }

  private static NetworkSpec withRule(IngressRule.Builder rule) {
    SecurityGroupSpec sg =
        SecurityGroupSpec.builder().name("pailot-prod-sg").addIngressRules(rule.build()).build();
    return base().securityGroup(sg).build();
  }

  private static IngressRule.Builder tcp(String ports) {
    return IngressRule.builder().protocol(Protocol.TCP).portRange(ports).sourceCidr("10.0.0.0/8");
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        bad("VPC CIDR not a block", "cidrBlock", () -> base().cidrBlock("10.0.0.0/33").build()),
        bad("VPC mask /29", "cidrBlock", () -> base().cidrBlock("10.0.0.0/29").build()),
        bad("VPC mask /7", "cidrBlock", () -> base().cidrBlock("10.0.0.0/7").build()),
        bad("VPC host bits", "cidrBlock", () -> base().cidrBlock("10.0.0.1/16").build()),
        bad("VPC IPv6", "cidrBlock", () -> base().cidrBlock("fd00::/48").build()),
        bad("empty VPC name", "name", () -> base().name(" ").build()),
        bad("http VPC name", "name", () -> base().name("http://x").build()),
        bad("vSwitch mask /30", "vSwitch.cidrBlock", () -> VSwitchSpec.of("z", "10.0.1.0/30", "a")),
        bad("vSwitch mask /15", "vSwitch.cidrBlock", () -> VSwitchSpec.of("z", "10.0.0.0/15", "a")),
        bad(
            "vSwitch not a block",
            "vSwitch.cidrBlock",
            () -> VSwitchSpec.of("z", "10.0.1/24", "a")),
        bad("empty vSwitch name", "vSwitch.name", () -> VSwitchSpec.of("z", "10.0.1.0/24", "")),
        bad("empty zone", "vSwitch.zoneId", () -> VSwitchSpec.of("", "10.0.1.0/24", "a")),
        bad(
            "vSwitch outside VPC",
            "vSwitches[0].cidrBlock",
            () -> withVSwitches(VSwitchSpec.of("z", "10.1.0.0/24", "a"))),
        bad(
            "overlapping vSwitches",
            "vSwitches[1].cidrBlock",
            () ->
                withVSwitches(
                    VSwitchSpec.of("z1", "10.0.1.0/24", "a"),
                    VSwitchSpec.of("z2", "10.0.0.0/20", "b"))),
        bad(
            "duplicate zone and name",
            "vSwitches[1].name",
            () ->
                withVSwitches(
                    VSwitchSpec.of("z", "10.0.1.0/24", "a"),
                    VSwitchSpec.of("z", "10.0.2.0/24", "a"))),
        bad("no vSwitches", "vSwitches", () -> withVSwitches()),
        bad(
            "missing security group",
            "securityGroup",
            () -> NetworkSpec.builder().name("n").cidrBlock("10.0.0.0/16").build()),
        bad(
            "empty group name",
            "securityGroup.name",
            () -> SecurityGroupSpec.builder().name("").build()),
        bad(
            "group name starting with a digit",
            "securityGroup.name",
            () -> SecurityGroupSpec.builder().name("1sg").build()),
        bad(
            "ingress from 0.0.0.0/0",
            "securityGroup.ingressRules[0].sourceCidr",
            () -> withRule(tcp("22/22").sourceCidr("0.0.0.0/0"))),
        bad(
            "ingress from ::/0",
            "securityGroup.ingressRules[0].sourceCidr",
            () -> withRule(tcp("22/22").sourceCidr("::/0"))),
        bad(
            "ingress from a host name",
            "ingressRule.sourceCidr",
            () -> tcp("22/22").sourceCidr("example.com/32").build()),
        bad("port range without slash", "ingressRule.portRange", () -> tcp("8080").build()),
        bad("port range reversed", "ingressRule.portRange", () -> tcp("90/80").build()),
        bad("port 0", "ingressRule.portRange", () -> tcp("0/80").build()),
        bad("port above 65535", "ingressRule.portRange", () -> tcp("1/65536").build()),
        bad("TCP with -1/-1", "ingressRule.portRange", () -> tcp("-1/-1").build()),
        bad(
            "ICMP with ports",
            "ingressRule.portRange",
            () -> tcp("22/22").protocol(Protocol.ICMP).build()),
        bad("priority 0", "ingressRule.priority", () -> tcp("22/22").priority(0).build()),
        bad("priority 101", "ingressRule.priority", () -> tcp("22/22").priority(101).build()),
        bad("bad NIC type", "ingressRule.nicType", () -> tcp("22/22").nicType("public").build()),
        bad(
            "missing source",
            "ingressRule.sourceCidr",
            () -> IngressRule.builder().protocol(Protocol.TCP).build()),
        bad(
            "duplicate rule",
            "securityGroup.ingressRules[1]",
            () ->
                SecurityGroupSpec.builder()
                    .name("sg")
                    .addIngressRules(
                        IngressRule.tcp(22, "10.0.0.0/8"),
                        tcp("22/22").description("same rule, other words").build())
                    .build()),
        bad(
            "managed-by overridden",
            "tags[managed-by]",
            () -> base().putTags("managed-by", "terraform").build()),
        bad("reserved tag key", "tags[aliyun-x]", () -> base().putTags("aliyun-x", "1").build()));
  }

  private static Arguments bad(String name, String field, Supplier<Object> build) {
    return Arguments.of(name, field, build);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void invalidInputNamesTheFieldAndNeverReachesTheCloud(
      String name, String field, Supplier<Object> build) {
    try (Pai pai = new CloudStubs(wm).pai()) {
      NetworkClient network = CloudStubs.client(pai);

      assertThatThrownBy(() -> network.apply((NetworkSpec) build.get()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid " + field + ":")
          .hasMessageContaining("Fix:")
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains(field));
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void publicIngressNeedsTheExplicitFlag() {
    IngressRule ssh = IngressRule.tcp(22, "0.0.0.0/0");
    SecurityGroupSpec sg = SecurityGroupSpec.builder().name("sg").addIngressRules(ssh).build();

    NetworkSpec spec = base().securityGroup(sg).allowPublicIngress(true).build();

    assertThat(spec.securityGroup().ingressRules()).containsExactly(ssh);
  }

  @Test
  void managedByTagIsAlwaysAdded() {
    NetworkSpec spec = CloudStubs.spec();

    assertThat(spec.tags()).containsEntry("managed-by", "pailot").containsEntry("team", "ml");
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @Test
  void defaultsAreFilledIn() {
    IngressRule rule =
        IngressRule.builder().protocol(Protocol.ALL).sourceCidr("10.0.0.0/8").build();

    assertThat(rule.portRange()).isEqualTo("-1/-1");
    assertThat(rule.priority()).isEqualTo(1);
    assertThat(rule.policy()).isEqualTo(IngressRule.Policy.ACCEPT);
    assertThat(rule.nicType()).isEqualTo("intranet");
    assertThat(CloudStubs.spec().allowPublicIngress()).isFalse();
    assertThat(CloudStubs.spec().securityGroup().description()).isEqualTo("Managed by Pailot");
  }

  @Test
  void jsonRoundTrip() throws Exception {
    NetworkSpec spec = CloudStubs.spec();

    String json = spec.toJson();

    assertThat(json).contains("\"cidrBlock\":\"10.0.0.0/16\"", "\"managed-by\":\"pailot\"");
    assertThat(NetworkSpec.fromJson(json)).isEqualTo(spec);
    assertThat(new ObjectMapper().readValue(json, NetworkSpec.class)).isEqualTo(spec);
  }

  @Test
  void minimalJsonGetsDefaults() {
    String json =
        "{\"name\":\"pailot-dev\",\"cidrBlock\":\"172.16.0.0/12\","
            + "\"vSwitches\":[{\"zoneId\":\"cn-shanghai-b\",\"cidrBlock\":\"172.16.1.0/24\","
            + "\"name\":\"dev-b\"}],"
            + "\"securityGroup\":{\"name\":\"dev-sg\",\"ingressRules\":["
            + "{\"protocol\":\"TCP\",\"portRange\":\"443/443\",\"sourceCidr\":\"172.16.0.0/12\"}]}}";

    NetworkSpec spec = NetworkSpec.fromJson(json);

    assertThat(spec.tags()).containsEntry("managed-by", "pailot");
    assertThat(spec.securityGroup().ingressRules().get(0).priority()).isEqualTo(1);
  }

  @Test
  void jsonThatFailsValidationNamesTheField() {
    String json = CloudStubs.spec().toJson().replace("10.0.1.0/24", "10.9.1.0/24");

    assertThatThrownBy(() -> NetworkSpec.fromJson(json))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> assertThat(((ValidationException) e).field()).contains("vSwitches[0].cidrBlock"));
  }

  @Test
  void jsonMissingAFieldNamesIt() {
    assertThatThrownBy(() -> NetworkSpec.fromJson("{\"name\":\"n\",\"cidrBlock\":\"10.0.0.0/16\"}"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("securityGroup"));
  }

  @Test
  void garbageJsonIsAValidationError() {
    assertThatThrownBy(() -> NetworkSpec.fromJson("not json"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("json"));
  }

  @Test
  void planAndStateAreJsonRoundTrippable() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
    PlannedChange change =
        PlannedChange.builder()
            .resourceType(PlannedChange.ResourceType.VPC)
            .name("pailot-prod")
            .action(PlannedChange.Action.UNCHANGED)
            .resourceId("vpc-1")
            .detail("10.0.0.0/16")
            .build();
    NetworkPlan plan =
        NetworkPlan.builder()
            .networkName("pailot-prod")
            .region("cn-shanghai")
            .addChanges(change)
            .build();

    String json = mapper.writeValueAsString(plan);

    assertThat(mapper.readValue(json, NetworkPlan.class)).isEqualTo(plan);
    assertThat(json).doesNotContain("hasChanges");
  }
}
