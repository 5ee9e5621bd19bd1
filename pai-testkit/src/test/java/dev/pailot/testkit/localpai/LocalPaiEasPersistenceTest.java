package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.LocalPaiEasServiceTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPaiEasPersistenceTest {
  private static PersistentStore easStore(LocalPai localPai) {
    return localPai.persistentStores().stream()
        .filter(s -> s.storeName().equals("eas-services"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void snapshotRestoresServicesGroupsVersionsAndScalers() throws Exception {
    JsonNode snapshot;
    String token;
    try (LocalPai first = LocalPai.start(Calls.fastOptions());
        Pai pai = Calls.client(first)) {
      EasCalls eas = new EasCalls(pai, first.region());
      ObjectNode spec = EasCalls.spec("ps_kept", 2, "registry/app:1");
      EasCalls.meta(spec).put("group", "ps_grp");
      eas.create(spec);
      eas.awaitStatus("ps_kept", "Running");
      ObjectNode patch = EasCalls.JSON.createObjectNode();
      patch.putArray("containers").addObject().put("image", "registry/app:2").put("port", 8000);
      eas.update("ps_kept", "merge", patch);
      ObjectNode mirror = EasCalls.JSON.createObjectNode().put("Ratio", 10);
      mirror.putArray("Target").add("ps_stopped");
      eas.create(EasCalls.spec("ps_stopped", 1, "registry/app:1"));
      eas.post("CreateServiceMirror", "ps_kept", "/mirror", mirror);
      eas.put("StopService", "ps_stopped", "/stop", null);
      eas.awaitStatus("ps_stopped", "Stopped");
      token = eas.describe("ps_kept").get("AccessToken").asText();
      snapshot = EasCalls.JSON.readTree(easStore(first).snapshot().toString());
    }

    try (LocalPai second = LocalPai.start(Calls.fastOptions());
        Pai pai = Calls.client(second)) {
      easStore(second).restore(snapshot);
      EasCalls eas = new EasCalls(pai, second.region());
      eas.awaitStatus("ps_kept", "Running");
      JsonNode s = eas.describe("ps_kept");
      assertThat(s.get("AccessToken").asText()).isEqualTo(token);
      assertThat(s.get("LatestVersion").asInt()).isEqualTo(2);
      assertThat(s.get("TotalInstance").asInt()).isEqualTo(2);
      assertThat(s.get("InternetEndpoint").asText()).startsWith(second.endpoint().toString());
      assertThat(parse(s.get("ServiceConfig").asText()).at("/containers/0/image").asText())
          .isEqualTo("registry/app:2");
      assertThat(
              eas.get("DescribeServiceMirror", "ps_kept", "/mirror", Map.of())
                  .get("Ratio")
                  .asText())
          .isEqualTo("10");
      assertThat(eas.status("ps_stopped")).isEqualTo("Stopped");
      assertThat(eas.group("DescribeGroup", "GET", "ps_grp", Map.of()).get("Name").asText())
          .isEqualTo("ps_grp");
      URI uri = URI.create(second.endpoint() + "/api/predict/ps_kept/health");
      EasCalls.await(() -> EasCalls.get(uri, token).statusCode() == 200, "restored replicas");
      assertThat(
              eas.get("DescribeServiceEvent", "ps_kept", "/events", Map.of())
                  .get("TotalCount")
                  .asInt())
          .isGreaterThan(2);
      assertThat(List.of(snapshot.at("/services/0/name").asText())).containsExactly("ps_kept");
    }
  }
}
