package dev.pailot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.testkit.stubs.EasServiceFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EAS stubs answer pai-core's ROA requests with the documented shapes, in any region. */
@PaiMockServer(region = "cn-beijing")
class EasStubsTest {
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";
  private static final Operation DESCRIBE =
      Operation.roa(Product.EAS, "DescribeService", "GET", SERVICE, true);
  private static final Operation LIST =
      Operation.roa(Product.EAS, "ListServices", "GET", "/api/v2/services", true);
  private static final Operation SCALE =
      Operation.roa(Product.EAS, "ScaleService", "PUT", SERVICE + "/scale", true);

  private static ApiRequest.Builder on(Operation op, String name) {
    return ApiRequest.of(op).path("ClusterId", "cn-beijing").path("ServiceName", name);
  }

  @Test
  void describeWalksThroughStatusesThenStays(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeServiceStatuses(EasServiceFixture.of("svc", "Running"), "Creating", "Running");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(Ops.call(pai, on(DESCRIBE, "svc").build()).body().path("Status").asText());
    }

    assertThat(seen).containsExactly("Creating", "Running", "Running");
  }

  @Test
  void serviceObjectsCarryEndpointsOnlyWhenDescribed(Pai pai, PaiStubs stubs) {
    EasServiceFixture svc = EasServiceFixture.of("svc", "Running").inGroup("grp", 100, "grouping");
    stubs.eas().describeService(svc);
    stubs.eas().listServicesPage(1, 1, svc);

    JsonNode described = Ops.call(pai, on(DESCRIBE, "svc").build()).body();
    JsonNode listed = Ops.call(pai, ApiRequest.of(LIST).build()).body();

    assertThat(described.path("InternetEndpoint").asText()).endsWith("/api/predict/svc");
    assertThat(described.path("AccessToken").asText()).isEqualTo("token-svc");
    assertThat(described.path("ServiceGroup").asText()).isEqualTo("grp");
    assertThat(described.path("ServiceConfig").asText()).contains("\"instance_type\"");
    assertThat(listed.path("Services").get(0).has("InternetEndpoint")).isFalse();
    assertThat(listed.path("TotalCount").asInt()).isEqualTo(1);
  }

  @Test
  void writesAnswerAndUnknownActionsAreRefused(Pai pai, PaiStubs stubs) {
    stubs.eas().write("ScaleService", "svc");
    stubs.eas().serviceNotFound("gone");

    JsonNode scaled = Ops.call(pai, on(SCALE, "svc").build()).body();

    assertThat(scaled.path("Message").asText()).contains("svc");
    stubs.calls().single("ScaleService").assertPath("/api/v2/services/cn-beijing/svc/scale");
    assertThatThrownBy(() -> Ops.call(pai, on(DESCRIBE, "gone").build()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> stubs.eas().write("DescribeService", "svc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
