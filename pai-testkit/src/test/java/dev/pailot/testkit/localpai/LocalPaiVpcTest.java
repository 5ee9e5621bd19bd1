package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.Calls.availableVpc;
import static dev.pailot.testkit.localpai.Calls.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiVpcTest {
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions());
    pai = Calls.client(localPai);
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  @Test
  void createdVpcIsDescribedWithItsAttributesAndBecomesAvailable() {
    JsonNode created =
        vpc(
            pai,
            "CreateVpc",
            "RegionId",
            "cn-shanghai",
            "CidrBlock",
            "10.10.0.0/16",
            "VpcName",
            "pailot-round-trip",
            "Description",
            "made by a test",
            "Tag.1.Key",
            "owner",
            "Tag.1.Value",
            "pailot");
    String vpcId = created.get("VpcId").asText();
    assertThat(vpcId).startsWith("vpc-");
    assertThat(created.get("VRouterId").asText()).startsWith("vrt-");
    assertThat(created.get("RequestId").asText()).matches("[0-9A-F-]{36}");

    JsonNode page = vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcId", vpcId);
    JsonNode v = page.at("/Vpcs/Vpc/0");
    assertThat(page.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(v.get("VpcName").asText()).isEqualTo("pailot-round-trip");
    assertThat(v.get("CidrBlock").asText()).isEqualTo("10.10.0.0/16");
    assertThat(v.get("Description").asText()).isEqualTo("made by a test");
    assertThat(v.get("RegionId").asText()).isEqualTo("cn-shanghai");
    assertThat(v.get("IsDefault").asBoolean()).isFalse();
    assertThat(v.at("/Tags/Tag/0/Key").asText()).isEqualTo("owner");
    assertThat(v.at("/Tags/Tag/0/Value").asText()).isEqualTo("pailot");
    assertThat(v.get("CreationTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(v.get("Status").asText()).isIn("Pending", "Available");

    Calls.await(() -> Calls.vpcStatus(pai, vpcId), "Available");
  }

  @Test
  void awkwardCharactersSurviveSigningAndTheRoundTrip() {
    String name = "a+b c*d~e/f=g&h%20中文";
    String vpcId =
        vpc(pai, "CreateVpc", "RegionId", "cn-shanghai", "VpcName", name, "Description", "+ & =")
            .get("VpcId")
            .asText();
    JsonNode v =
        vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcId", vpcId).at("/Vpcs/Vpc/0");
    assertThat(v.get("VpcName").asText()).isEqualTo(name);
    assertThat(v.get("Description").asText()).isEqualTo("+ & =");
  }

  @Test
  void aNewVpcIsPendingFirst() {
    try (LocalPai slow =
            LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofHours(1)).build());
        Pai client = slow.newClient()) {
      String vpcId = vpc(client, "CreateVpc", "RegionId", "cn-shanghai").get("VpcId").asText();
      assertThat(Calls.vpcStatus(client, vpcId)).isEqualTo("Pending");
      assertThatThrownBy(
              () ->
                  vpc(
                      client,
                      "CreateVSwitch",
                      "VpcId",
                      vpcId,
                      "ZoneId",
                      "cn-shanghai-b",
                      "CidrBlock",
                      "172.16.0.0/24"))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(code(e)).isEqualTo("IncorrectVpcStatus"));
    }
  }

  @Test
  void sameClientTokenReturnsTheSameVpcWithoutADuplicate() {
    int before = countVpcs();
    String first =
        vpc(
                pai,
                "CreateVpc",
                "RegionId",
                "cn-shanghai",
                "CidrBlock",
                "10.20.0.0/16",
                "ClientToken",
                "token-vpc-1")
            .get("VpcId")
            .asText();
    String second =
        vpc(
                pai,
                "CreateVpc",
                "RegionId",
                "cn-shanghai",
                "CidrBlock",
                "10.20.0.0/16",
                "ClientToken",
                "token-vpc-1")
            .get("VpcId")
            .asText();

    assertThat(second).isEqualTo(first);
    assertThat(countVpcs()).isEqualTo(before + 1);
    assertThatThrownBy(
            () ->
                vpc(
                    pai,
                    "CreateVpc",
                    "RegionId",
                    "cn-shanghai",
                    "CidrBlock",
                    "10.30.0.0/16",
                    "ClientToken",
                    "token-vpc-1"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("IdempotentParameterMismatch"));
  }

  @Test
  void concurrentCreatesWithOneClientTokenMakeOneVpc() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ids.add(
            pool.submit(
                () ->
                    vpc(
                            pai,
                            "CreateVpc",
                            "RegionId",
                            "cn-shanghai",
                            "VpcName",
                            "concurrent",
                            "ClientToken",
                            "token-concurrent")
                        .get("VpcId")
                        .asText()));
      }
      Set<String> distinct = new HashSet<>();
      for (var f : ids) {
        distinct.add(f.get());
      }
      assertThat(distinct).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcName", "concurrent")
                .get("TotalCount")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void invalidCidrBlocksAreRejectedWithTheirCode() {
    for (String bad : List.of("10.0.0.0/7", "10.0.0.0/29", "10.0.0.1/16", "300.0.0.0/16", "x")) {
      assertThatThrownBy(() -> vpc(pai, "CreateVpc", "RegionId", "cn-shanghai", "CidrBlock", bad))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidCidrBlock.Malformed"))
          .hasMessageContaining("CidrBlock");
    }
    assertThatThrownBy(() -> vpc(pai, "CreateVpc", "CidrBlock", "10.0.0.0/16"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("MissingParameter"))
        .hasMessageContaining("RegionId");
    assertThatThrownBy(() -> vpc(pai, "CreateVpc", "RegionId", "cn-beijing"))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRegionId.NotFound"));
  }

  @Test
  void vSwitchesMustFitInsideTheVpcWithoutOverlapping() {
    String vpcId = availableVpc(pai, "192.168.0.0/16");
    String vswId =
        vpc(
                pai,
                "CreateVSwitch",
                "VpcId",
                vpcId,
                "ZoneId",
                "cn-shanghai-b",
                "CidrBlock",
                "192.168.1.0/24",
                "VSwitchName",
                "train")
            .get("VSwitchId")
            .asText();
    assertThat(vswId).startsWith("vsw-");

    assertThat(
            codeOf(
                () ->
                    vpc(
                        pai,
                        "CreateVSwitch",
                        "VpcId",
                        vpcId,
                        "ZoneId",
                        "cn-shanghai-b",
                        "CidrBlock",
                        "192.168.1.128/25")))
        .isEqualTo("InvalidCidrBlock.Overlapped");
    assertThat(
            codeOf(
                () ->
                    vpc(
                        pai,
                        "CreateVSwitch",
                        "VpcId",
                        vpcId,
                        "ZoneId",
                        "cn-shanghai-b",
                        "CidrBlock",
                        "10.0.0.0/24")))
        .isEqualTo("InvalidParameter");
    assertThat(
            codeOf(
                () ->
                    vpc(
                        pai,
                        "CreateVSwitch",
                        "VpcId",
                        vpcId,
                        "ZoneId",
                        "cn-shanghai-b",
                        "CidrBlock",
                        "192.168.0.0/30")))
        .isEqualTo("InvalidCidrBlock.Malformed");
    assertThat(
            codeOf(
                () ->
                    vpc(
                        pai,
                        "CreateVSwitch",
                        "VpcId",
                        vpcId,
                        "ZoneId",
                        "cn-beijing-a",
                        "CidrBlock",
                        "192.168.2.0/24")))
        .isEqualTo("InvalidZoneId.NotFound");
    assertThat(codeOf(() -> vpc(pai, "CreateVSwitch", "VpcId", vpcId, "ZoneId", "cn-shanghai-b")))
        .isEqualTo("MissingParameter");

    JsonNode described = vpc(pai, "DescribeVSwitches", "VpcId", vpcId);
    assertThat(described.get("TotalCount").asInt()).isEqualTo(1);
    JsonNode vsw = described.at("/VSwitches/VSwitch/0");
    assertThat(vsw.get("VSwitchId").asText()).isEqualTo(vswId);
    assertThat(vsw.get("ZoneId").asText()).isEqualTo("cn-shanghai-b");
    assertThat(vsw.get("AvailableIpAddressCount").asLong()).isEqualTo(252);
    assertThat(
            vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcId", vpcId)
                .at("/Vpcs/Vpc/0/VSwitchIds/VSwitchId/0")
                .asText())
        .isEqualTo(vswId);
  }

  @Test
  void deletingAVpcWithVSwitchesFailsUntilTheyAreGone() {
    String vpcId = availableVpc(pai, "172.20.0.0/16");
    String vswId =
        vpc(
                pai,
                "CreateVSwitch",
                "VpcId",
                vpcId,
                "ZoneId",
                "cn-shanghai-a",
                "CidrBlock",
                "172.20.0.0/24")
            .get("VSwitchId")
            .asText();

    assertThat(codeOf(() -> vpc(pai, "DeleteVpc", "RegionId", "cn-shanghai", "VpcId", vpcId)))
        .isEqualTo("DependencyViolation.VSwitch");
    Calls.await(
        () ->
            vpc(pai, "DescribeVSwitches", "VSwitchId", vswId, "RegionId", "cn-shanghai")
                .at("/VSwitches/VSwitch/0/Status")
                .asText(),
        "Available");
    vpc(pai, "DeleteVSwitch", "VSwitchId", vswId);
    vpc(pai, "DeleteVpc", "RegionId", "cn-shanghai", "VpcId", vpcId);

    assertThat(
            vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcId", vpcId)
                .get("TotalCount")
                .asInt())
        .isZero();
    assertThatThrownBy(() -> vpc(pai, "DeleteVpc", "RegionId", "cn-shanghai", "VpcId", vpcId))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidVpcId.NotFound"));
    assertThatThrownBy(() -> vpc(pai, "DeleteVSwitch", "VSwitchId", vswId))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void describeVpcsPagesByPageNumberAndFiltersByTag() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(
          vpc(
                  pai,
                  "CreateVpc",
                  "RegionId",
                  "cn-shanghai",
                  "VpcName",
                  "paged-" + i,
                  "Tag.1.Key",
                  "suite",
                  "Tag.1.Value",
                  "paging")
              .get("VpcId")
              .asText());
    }
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode r =
          vpc(
              pai,
              "DescribeVpcs",
              "RegionId",
              "cn-shanghai",
              "Tag.1.Key",
              "suite",
              "Tag.1.Value",
              "paging",
              "PageSize",
              "3",
              "PageNumber",
              String.valueOf(page));
      assertThat(r.get("TotalCount").asInt()).isEqualTo(7);
      assertThat(r.get("PageNumber").asInt()).isEqualTo(page);
      r.at("/Vpcs/Vpc").forEach(v -> seen.add(v.get("VpcId").asText()));
    }
    assertThat(seen).containsExactlyElementsOf(ids);
    assertThat(codeOf(() -> vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "PageSize", "51")))
        .isEqualTo("InvalidParameter");
    assertThat(
            vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcName", "paged-3")
                .at("/Vpcs/Vpc/0/VpcId")
                .asText())
        .isEqualTo(ids.get(3));
  }

  @Test
  void everyCallIsInTheRequestLog() {
    localPai.requests().clear();
    vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai");

    assertThat(localPai.requests().count(Product.VPC, "DescribeVpcs")).isEqualTo(1);
    assertThat(localPai.requests().count(Product.VPC, "CreateVpc")).isZero();
    RecordedRequest r = localPai.requests().of(Product.VPC, "DescribeVpcs").get(0);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.query()).containsEntry("RegionId", "cn-shanghai");
  }

  private static int countVpcs() {
    return vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai").get("TotalCount").asInt();
  }

  static String code(Throwable e) {
    return ((PaiException) e).errorCode().orElse(null);
  }

  static String codeOf(Runnable call) {
    try {
      call.run();
    } catch (PaiException e) {
      return e.errorCode().orElse(null);
    }
    throw new AssertionError("the call succeeded");
  }
}
