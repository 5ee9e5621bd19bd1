package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.ApiResponse;
import dev.pailot.testkit.verify.RecordedCall;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What pai-core's pipeline puts on the wire for RPC and ROA calls, and how it reads answers. */
@PaiMockServer
class RequestShapeTest {
  private static final String TOKEN = "5b0c9e4e-0f5b-4d0a-9a53-pailot000001";

  @Test
  void rpcCreateSendsEverythingInTheQueryWithAnEmptyBodyAndAV3Signature(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-abc123");

    ApiResponse response =
        Ops.call(
            pai,
            Ops.rpc(Ops.CREATE_VPC, "cn-shanghai")
                .query("CidrBlock", "10.0.0.0/16")
                .query("VpcName", "pailot prod*~")
                .query("Description", "net for a/b & c=d")
                .query("Tag.1.Key", "owner")
                .query("Tag.1.Value", "pailot")
                .query("ClientToken", TOKEN)
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().path("VpcId").asText()).isEqualTo("vpc-abc123");
    assertThat(response.body().path("VRouterId").asText()).isEqualTo("vrt-abc123");
    assertThat(response.requestId()).isNotBlank();

    Map<String, String> query = new LinkedHashMap<>();
    query.put("RegionId", "cn-shanghai");
    query.put("CidrBlock", "10.0.0.0/16");
    query.put("VpcName", "pailot prod*~");
    query.put("Description", "net for a/b & c=d");
    query.put("Tag.1.Key", "owner");
    query.put("Tag.1.Value", "pailot");
    query.put("ClientToken", TOKEN);
    RecordedCall call =
        stubs
            .calls()
            .single("CreateVpc")
            .assertMethod("POST")
            .assertPath("/")
            .assertQuery(query)
            .assertAction("CreateVpc")
            .assertVersion("2016-04-28")
            .assertEmptyBody()
            .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
    assertThat(call.header("content-type")).isEmpty();
    assertSignatureVerifies(call, TestCredentials.ACCESS_KEY_SECRET);
  }

  @Test
  void rpcDescribeMapsTheDocumentedResponse(Pai pai, PaiStubs stubs) {
    stubs
        .vpc()
        .describeVpcs(
            vpc("vpc-1", "pailot-prod", "10.0.0.0/16", "Available")
                .withVSwitchIds("vsw-1", "vsw-2")
                .withTag("env", "prod"),
            vpc("vpc-2", "pailot-dev", "172.16.0.0/12", "Pending"));

    ApiResponse response =
        Ops.call(
            pai,
            Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai")
                .query("PageNumber", 1)
                .query("PageSize", 50)
                .build());

    JsonNode body = response.body();
    assertThat(body.path("TotalCount").asInt()).isEqualTo(2);
    JsonNode first = body.path("Vpcs").path("Vpc").get(0);
    assertThat(first.path("VpcId").asText()).isEqualTo("vpc-1");
    assertThat(first.path("VpcName").asText()).isEqualTo("pailot-prod");
    assertThat(first.path("CidrBlock").asText()).isEqualTo("10.0.0.0/16");
    assertThat(first.path("Status").asText()).isEqualTo("Available");
    assertThat(first.path("VSwitchIds").path("VSwitchId").get(1).asText()).isEqualTo("vsw-2");
    assertThat(first.path("Tags").path("Tag").get(0).path("Key").asText()).isEqualTo("env");
    assertThat(body.path("Vpcs").path("Vpc").get(1).path("Status").asText()).isEqualTo("Pending");

    RecordedCall call =
        stubs
            .calls()
            .single("DescribeVpcs")
            .assertMethod("POST")
            .assertPath("/")
            .assertQuery(Map.of("RegionId", "cn-shanghai", "PageNumber", "1", "PageSize", "50"))
            .assertVersion("2016-04-28")
            .assertEmptyBody()
            .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
    assertSignatureVerifies(call, TestCredentials.ACCESS_KEY_SECRET);
  }

  @Test
  void roaPostSendsAJsonBodyWithJsonContentType(Pai pai, PaiStubs stubs) {
    stubs.workspace().createWorkspace("ws-123");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("WorkspaceName", "pailot_prod");
    body.put("Description", "Pailot production, 中文 ok");
    body.putArray("EnvTypes").add("prod");
    body.put("DisplayName", "Pailot prod");

    ApiResponse response = Ops.call(pai, ApiRequest.of(Ops.CREATE_WORKSPACE).body(body).build());

    assertThat(response.body().path("WorkspaceId").asText()).isEqualTo("ws-123");
    RecordedCall call =
        stubs
            .calls()
            .single("CreateWorkspace")
            .assertMethod("POST")
            .assertPath("/api/v1/workspaces")
            .assertQuery(Map.of())
            .assertAction("CreateWorkspace")
            .assertVersion("2021-02-04")
            .assertJsonBody(
                "{\"WorkspaceName\":\"pailot_prod\",\"Description\":\"Pailot production, 中文 ok\","
                    + "\"EnvTypes\":[\"prod\"],\"DisplayName\":\"Pailot prod\"}")
            .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
    assertThat(call.header("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(call.signedHeaders()).contains("content-type");
    assertSignatureVerifies(call, TestCredentials.ACCESS_KEY_SECRET);
  }

  @Test
  void roaGetPercentEncodesPathParameters(Pai pai, PaiStubs stubs) {
    stubs.workspace().getWorkspace(workspace("pailot ws", "pailot_ws"));

    ApiResponse response =
        Ops.call(
            pai,
            ApiRequest.of(Ops.GET_WORKSPACE)
                .path("WorkspaceId", "pailot ws")
                .query("Verbose", true)
                .build());

    assertThat(response.body().path("WorkspaceId").asText()).isEqualTo("pailot ws");
    assertThat(response.body().path("Status").asText()).isEqualTo("ENABLED");
    RecordedCall call =
        stubs
            .calls()
            .single("GetWorkspace")
            .assertMethod("GET")
            .assertPath("/api/v1/workspaces/pailot%20ws")
            .assertQuery(Map.of("Verbose", "true"))
            .assertVersion("2021-02-04")
            .assertEmptyBody()
            .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
    assertSignatureVerifies(call, TestCredentials.ACCESS_KEY_SECRET);
  }

  @Test
  void roaDeleteUsesTheDeleteMethod(Pai pai, PaiStubs stubs) {
    stubs.workspace().deleteDataset("d-1");

    Ops.call(pai, ApiRequest.of(Ops.DELETE_DATASET).path("DatasetId", "d-1").build());

    RecordedCall call =
        stubs
            .calls()
            .single("DeleteDataset")
            .assertMethod("DELETE")
            .assertPath("/api/v1/datasets/d-1")
            .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
    assertSignatureVerifies(call, TestCredentials.ACCESS_KEY_SECRET);
  }

  @Test
  void stsCredentialsSendAndSignTheSecurityToken(PaiMockEndpoint endpoint, PaiStubs stubs) {
    stubs.vpc().describeVpcs();
    try (Pai pai = endpoint.paiBuilder().credentials(TestCredentials.sts()).build()) {
      Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
    }

    RecordedCall call =
        stubs
            .calls()
            .single("DescribeVpcs")
            .assertHeader("x-acs-security-token", TestCredentials.STS_SECURITY_TOKEN)
            .assertSignedBy(TestCredentials.STS_ACCESS_KEY_ID);
    assertThat(call.signedHeaders()).contains("x-acs-security-token");
    assertSignatureVerifies(call, TestCredentials.STS_ACCESS_KEY_SECRET);
  }

  static void assertSignatureVerifies(RecordedCall call, String secret) {
    assertThat(call.signedHeaders()).isSorted();
    assertThat(V3SignatureCheck.verifies(call, secret))
        .as("signature of %s recomputed with the right secret", call)
        .isTrue();
    assertThat(V3SignatureCheck.verifies(call, secret + "x"))
        .as("signature of %s recomputed with a wrong secret", call)
        .isFalse();
  }
}
