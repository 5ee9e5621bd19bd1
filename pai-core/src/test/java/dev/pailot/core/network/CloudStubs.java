package dev.pailot.core.network;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * WireMock stubs and JSON bodies for VPC 2016-04-28 and ECS 2014-05-26, shaped as PAI_API.md §5.
 */
final class CloudStubs {
  static final String REGION = "cn-shanghai";
  static final String MANAGED = "{\"Tag\":[{\"Key\":\"managed-by\",\"Value\":\"pailot\"}]}";

  /** ECS names tag fields {@code TagKey}/{@code TagValue}, unlike VPC. */
  static final String ECS_MANAGED =
      "{\"Tag\":[{\"TagKey\":\"managed-by\",\"TagValue\":\"pailot\"}]}";

  final List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
  private final WireMockExtension wm;

  CloudStubs(WireMockExtension wm) {
    this.wm = wm;
  }

  /** A client pointed at WireMock with millisecond retries and a listener recording progress. */
  Pai pai() {
    return Pai.builder()
        .region(REGION)
        .credentials(PaiCredentials.accessKey("LTAI5tNetworkTest", "network-test-secret"))
        .endpointOverride(URI.create(wm.baseUrl()))
        .retry(
            RetrySettings.builder()
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build())
        .listener(
            new PaiListener() {
              @Override
              public void onProgress(ProgressEvent event) {
                progress.add(event);
              }
            })
        .build();
  }

  /** A network client that polls every millisecond. */
  static NetworkClient client(Pai pai) {
    return NetworkClient.builder(pai)
        .pollDelays(Duration.ofMillis(1), Duration.ofMillis(1))
        .availableTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** The spec most tests use: two vSwitches, one group, two rules. */
  static NetworkSpec spec() {
    return NetworkSpec.builder()
        .name("pailot-prod")
        .cidrBlock("10.0.0.0/16")
        .putTags("team", "ml")
        .addVSwitches(
            VSwitchSpec.of("cn-shanghai-b", "10.0.1.0/24", "pailot-prod-b"),
            VSwitchSpec.of("cn-shanghai-g", "10.0.2.0/24", "pailot-prod-g"))
        .securityGroup(
            SecurityGroupSpec.builder()
                .name("pailot-prod-sg")
                .addIngressRules(
                    IngressRule.tcp(8080, "10.0.0.0/8"),
                    IngressRule.builder()
                        .protocol(IngressRule.Protocol.ICMP)
                        .sourceCidr("10.0.0.0/8")
                        .priority(2)
                        .build())
                .build())
        .build();
  }

  static MappingBuilder rpc(String action) {
    return post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo(action));
  }

  void stub(MappingBuilder mapping, String json) {
    wm.stubFor(mapping.willReturn(okJson(json)));
  }

  /** DescribeVpcs by name finds nothing. */
  void noVpc() {
    stub(rpc("DescribeVpcs").withQueryParam("VpcName", equalTo("pailot-prod")), vpcs());
  }

  /** The whole {@link #spec()} exists and is available, with no extra rule. */
  void existingNetwork(String... extraRules) {
    stub(
        rpc("DescribeVpcs").withQueryParam("VpcName", equalTo("pailot-prod")),
        vpcs(vpc("vpc-1", "10.0.0.0/16", "Available")));
    stub(
        rpc("DescribeVSwitches").withQueryParam("VpcId", equalTo("vpc-1")),
        vSwitches(
            2,
            vSwitch("vsw-b", "pailot-prod-b", "cn-shanghai-b", "10.0.1.0/24", "Available"),
            vSwitch("vsw-g", "pailot-prod-g", "cn-shanghai-g", "10.0.2.0/24", "Available")));
    stub(
        rpc("DescribeSecurityGroups").withQueryParam("VpcId", equalTo("vpc-1")),
        groups("", group("sg-1", "pailot-prod-sg")));
    List<String> rules = new ArrayList<>();
    // ECS's own spelling: capitalised policy, priority as a string.
    rules.add(rule("sgr-1", "TCP", "8080/8080", "10.0.0.0/8", "Accept", "1"));
    rules.add(rule("sgr-2", "ICMP", "-1/-1", "10.0.0.0/8", "Accept", "2"));
    rules.addAll(Arrays.asList(extraRules));
    stub(
        rpc("DescribeSecurityGroupAttribute").withQueryParam("SecurityGroupId", equalTo("sg-1")),
        rules(rules.toArray(String[]::new)));
  }

  static String vpcs(String... items) {
    return "{\"RequestId\":\"req-vpcs\",\"TotalCount\":"
        + items.length
        + ",\"PageNumber\":1,\"PageSize\":50,\"Vpcs\":{\"Vpc\":["
        + String.join(",", items)
        + "]}}";
  }

  static String vpc(String id, String cidr, String status) {
    return String.format(
        "{\"VpcId\":\"%s\",\"VpcName\":\"pailot-prod\",\"Status\":\"%s\",\"CidrBlock\":\"%s\","
            + "\"VSwitchIds\":{\"VSwitchId\":[]},\"Tags\":%s,\"RegionId\":\"%s\","
            + "\"IsDefault\":false}",
        id, status, cidr, MANAGED, REGION);
  }

  static String vSwitches(int total, String... items) {
    return "{\"RequestId\":\"req-vsw\",\"TotalCount\":"
        + total
        + ",\"PageNumber\":1,\"PageSize\":50,\"VSwitches\":{\"VSwitch\":["
        + String.join(",", items)
        + "]}}";
  }

  static String vSwitch(String id, String name, String zone, String cidr, String status) {
    return String.format(
        "{\"VSwitchId\":\"%s\",\"VSwitchName\":\"%s\",\"VpcId\":\"vpc-1\",\"ZoneId\":\"%s\","
            + "\"CidrBlock\":\"%s\",\"Status\":\"%s\",\"AvailableIpAddressCount\":250,"
            + "\"Tags\":%s}",
        id, name, zone, cidr, status, MANAGED);
  }

  static String groups(String nextToken, String... items) {
    return "{\"RequestId\":\"req-sg\",\"NextToken\":\""
        + nextToken
        + "\",\"SecurityGroups\":{\"SecurityGroup\":["
        + String.join(",", items)
        + "]}}";
  }

  static String group(String id, String name) {
    return String.format(
        "{\"SecurityGroupId\":\"%s\",\"SecurityGroupName\":\"%s\",\"VpcId\":\"vpc-1\","
            + "\"Description\":\"Managed by Pailot\",\"SecurityGroupType\":\"normal\","
            + "\"Tags\":%s}",
        id, name, ECS_MANAGED);
  }

  static String rules(String... permissions) {
    return "{\"RequestId\":\"req-attr\",\"SecurityGroupId\":\"sg-1\",\"VpcId\":\"vpc-1\","
        + "\"InnerAccessPolicy\":\"Accept\",\"NextToken\":\"\",\"Permissions\":{\"Permission\":["
        + String.join(",", permissions)
        + "]}}";
  }

  static String rule(
      String id, String protocol, String ports, String cidr, String policy, String priority) {
    return String.format(
        "{\"SecurityGroupRuleId\":\"%s\",\"Direction\":\"ingress\",\"IpProtocol\":\"%s\","
            + "\"PortRange\":\"%s\",\"SourceCidrIp\":\"%s\",\"Policy\":\"%s\","
            + "\"Priority\":\"%s\",\"NicType\":\"intranet\",\"Description\":\"\"}",
        id, protocol, ports, cidr, policy, priority);
  }

  /** Requests WireMock received, oldest first. */
  List<LoggedRequest> requests() {
    // WireMock lists the newest first.
    List<LoggedRequest> all =
        wm.getAllServeEvents().stream().map(ServeEvent::getRequest).collect(Collectors.toList());
    Collections.reverse(all);
    return all;
  }

  /** The {@code x-acs-action} of each request, oldest first. */
  List<String> actions() {
    return requests().stream().map(r -> r.getHeader("x-acs-action")).toList();
  }

  List<LoggedRequest> requests(String action) {
    return requests().stream().filter(r -> action.equals(r.getHeader("x-acs-action"))).toList();
  }

  static String param(LoggedRequest request, String name) {
    return request.queryParameter(name).isPresent()
        ? request.queryParameter(name).firstValue()
        : null;
  }
}
