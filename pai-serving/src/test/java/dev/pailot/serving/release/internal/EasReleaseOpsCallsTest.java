package dev.pailot.serving.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.release.ReleaseTestLab;
import dev.pailot.testkit.PaiMockServer;
import dev.pailot.testkit.PaiStubs;
import dev.pailot.testkit.stubs.EasServiceFixture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CreateService request a release sends for green, through {@code EasClient}. */
@PaiMockServer
class EasReleaseOpsCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void greenIsCreatedInTheGroupStandaloneWithTheReleaseLabels(Pai pai, PaiStubs stubs)
      throws Exception {
    stubs.eas().createService("chat_v2");
    stubs.eas().describeService(EasServiceFixture.of("chat_v2", "Creating"));
    ServiceSpec base = ReleaseTestLab.spec("chat_v2", "chat", "chat-v2");
    ObjectNode networking = JSON.createObjectNode().put("disable_internet_endpoint", true);
    ServiceSpec spec = base.toBuilder().putExtra("networking", networking).build();
    Map<String, String> labels = ReleaseLabels.green("chat", "chat_v1");

    try (EasClient eas = EasClient.create(pai)) {
      new EasReleaseOps(
              eas,
              PaiRuntime.of(pai),
              "chat",
              "chat_v2",
              Optional.of(spec),
              DeployOptions.defaults())
          .createGreen(labels);
    }

    var call = stubs.calls().single("CreateService").assertPath("/api/v2/services");
    assertThat(
            JSON.readValue(
                call.queryParam("Labels").orElseThrow(),
                new TypeReference<Map<String, String>>() {}))
        .isEqualTo(labels);
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.at("/metadata/group").asText()).isEqualTo("chat");
    assertThat(body.at("/networking/traffic_state").asText()).isEqualTo("standalone");
    // The spec's own networking keys are kept.
    assertThat(body.at("/networking/disable_internet_endpoint").asBoolean()).isTrue();
    assertThat(body.at("/containers/0/image").asText()).isEqualTo(spec.containers().get(0).image());
  }
}
