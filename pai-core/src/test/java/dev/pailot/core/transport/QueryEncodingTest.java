package dev.pailot.core.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Map, list and path encoding on the wire, as PAI_API.md §9.8 describes. */
class QueryEncodingTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private LoggedRequest send(ApiRequest request) {
    wm.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"RequestId\":\"r\"}")));
    try (Pai pai =
        Pai.builder()
            .region("cn-shanghai")
            .credentials(PaiCredentials.accessKey("LTAI5tQueryTest", "query-secret"))
            .endpointOverride(URI.create(wm.baseUrl()))
            .build()) {
      PaiRuntime.of(pai).call(request);
    }
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void roaMapsAreOneJsonStringAndListsAreCsv() {
    LoggedRequest r =
        send(
            ApiRequest.of(Operation.roa(Product.DLC, "ListJobs", "GET", "/api/v1/jobs", true))
                .queryJson("Tags", Map.of("team", "ml", "env", "prod"))
                .queryCsv("JobIds", List.of("dlc-1", "dlc-2"))
                .build());
    assertThat(r.queryParameter("Tags").firstValue())
        .isEqualTo("{\"env\":\"prod\",\"team\":\"ml\"}");
    assertThat(r.queryParameter("JobIds").firstValue()).isEqualTo("dlc-1,dlc-2");
    assertThat(r.getUrl()).contains("Tags=%7B%22env%22%3A%22prod%22%2C%22team%22%3A%22ml%22%7D");
  }

  @Test
  void rpcListsFlattenOneBased() {
    LoggedRequest r =
        send(
            ApiRequest.of(Operation.rpc(Product.VPC, "DescribeVpcs", true))
                .query("RegionId", "cn-shanghai")
                .queryList("Tag", List.of(Map.of("Key", "team", "Value", "ml")))
                .build());
    assertThat(r.getMethod().getName()).isEqualTo("POST");
    assertThat(r.getUrl()).startsWith("/?");
    assertThat(r.queryParameter("Tag.1.Key").firstValue()).isEqualTo("team");
    assertThat(r.queryParameter("Tag.1.Value").firstValue()).isEqualTo("ml");
    assertThat(r.getBodyAsString()).isEmpty();
  }

  @Test
  void pathParametersArePercentEncodedPerSegment() {
    LoggedRequest r =
        send(
            ApiRequest.of(
                    Operation.roa(
                        Product.EAS,
                        "DescribeService",
                        "GET",
                        "/api/v2/services/{ClusterId}/{ServiceName}",
                        true))
                .path("ClusterId", "cn-shanghai")
                .path("ServiceName", "a b/c*")
                .build());
    assertThat(r.getUrl()).isEqualTo("/api/v2/services/cn-shanghai/a%20b%2Fc%2A");
  }

  @Test
  void easSpecsAreSentAsRawJsonText() {
    String spec = "{\"metadata\":{\"name\":\"qwen\",\"instance\":1}}";
    LoggedRequest r =
        send(
            ApiRequest.of(
                    Operation.roa(Product.EAS, "CreateService", "POST", "/api/v2/services", false))
                .rawBody(spec)
                .build());
    assertThat(r.getBodyAsString()).isEqualTo(spec);
    assertThat(r.getHeader("content-type")).startsWith("application/json");
  }
}
