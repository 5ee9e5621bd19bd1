package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vSwitch;
import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VPC stubs answer pai-core's RPC requests with the documented response shapes. */
@PaiMockServer
class VpcStubsTest {

  @Test
  void createVpcAnswersItsIds(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-9");

    JsonNode body = Ops.call(pai, Ops.rpc(Ops.CREATE_VPC, "cn-shanghai").build()).body();

    assertThat(body.path("VpcId").asText()).isEqualTo("vpc-9");
    assertThat(body.path("VRouterId").asText()).isEqualTo("vrt-9");
    assertThat(body.path("RouteTableId").asText()).isEqualTo("vtb-9");
    assertThat(body.path("ResourceGroupId").asText()).isNotEmpty();
    assertThat(body.path("RequestId").asText()).isNotEmpty();
  }

  @Test
  void describeVpcsPagesMatchOnPageNumber(Pai pai, PaiStubs stubs) {
    stubs.vpc().describeVpcsPage(1, 1, 2, List.of(vpc("vpc-1", "a", "10.0.0.0/16", "Available")));
    stubs.vpc().describeVpcsPage(2, 1, 2, List.of(vpc("vpc-2", "b", "10.1.0.0/16", "Available")));

    JsonNode first = Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()).body();
    JsonNode second =
        Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").query("PageNumber", 2).build())
            .body();

    assertThat(first.path("PageNumber").asInt()).isEqualTo(1);
    assertThat(first.path("TotalCount").asInt()).isEqualTo(2);
    assertThat(first.path("Vpcs").path("Vpc").get(0).path("VpcId").asText()).isEqualTo("vpc-1");
    assertThat(second.path("PageNumber").asInt()).isEqualTo(2);
    assertThat(second.path("Vpcs").path("Vpc").get(0).path("VpcId").asText()).isEqualTo("vpc-2");
  }

  @Test
  void vSwitchesAreCreatedAndDescribed(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVSwitch("vsw-1");
    stubs
        .vpc()
        .describeVSwitches(
            vSwitch("vsw-1", "vpc-1", "cn-shanghai-b", "10.0.1.0/24")
                .withName("train")
                .withTag("pailot", "true"));

    JsonNode created = Ops.call(pai, Ops.rpc(Ops.CREATE_VSWITCH, "cn-shanghai").build()).body();
    JsonNode listed =
        Ops.call(
                pai, Ops.rpc(Ops.DESCRIBE_VSWITCHES, "cn-shanghai").query("VpcId", "vpc-1").build())
            .body();

    assertThat(created.path("VSwitchId").asText()).isEqualTo("vsw-1");
    assertThat(listed.path("TotalCount").asInt()).isEqualTo(1);
    JsonNode v = listed.path("VSwitches").path("VSwitch").get(0);
    assertThat(v.path("VSwitchId").asText()).isEqualTo("vsw-1");
    assertThat(v.path("VSwitchName").asText()).isEqualTo("train");
    assertThat(v.path("VpcId").asText()).isEqualTo("vpc-1");
    assertThat(v.path("ZoneId").asText()).isEqualTo("cn-shanghai-b");
    assertThat(v.path("CidrBlock").asText()).isEqualTo("10.0.1.0/24");
    assertThat(v.path("Status").asText()).isEqualTo("Available");
    assertThat(v.path("Tags").path("Tag").get(0).path("Value").asText()).isEqualTo("true");
  }

  @Test
  void deletesMatchOnlyTheNamedResource(Pai pai, PaiStubs stubs) {
    stubs.vpc().deleteVpc("vpc-1");
    stubs.vpc().deleteVSwitch("vsw-1");

    Ops.call(pai, Ops.rpc(Ops.DELETE_VPC, "cn-shanghai").query("VpcId", "vpc-1").build());
    Ops.call(pai, Ops.rpc(Ops.DELETE_VSWITCH, "cn-shanghai").query("VSwitchId", "vsw-1").build());
    // WireMock answers an unmatched request with 404, which pai-core maps to not-found.
    catchThrowableOfType(
        ResourceNotFoundException.class,
        () ->
            Ops.call(pai, Ops.rpc(Ops.DELETE_VPC, "cn-shanghai").query("VpcId", "vpc-2").build()));

    stubs.calls().assertCount("DeleteVpc", 2).assertCount("DeleteVSwitch", 1);
    assertThat(stubs.calls().unmatched())
        .singleElement()
        .extracting(c -> c.action())
        .isEqualTo("DeleteVpc");
  }
}
