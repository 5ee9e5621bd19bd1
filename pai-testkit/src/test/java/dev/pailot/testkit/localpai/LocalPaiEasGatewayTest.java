package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.LocalPaiEasServiceTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiEasGatewayTest {
  private static final TestBackends BACKENDS = new TestBackends();
  private static LocalPai localPai;
  private static Pai pai;
  private static EasCalls eas;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions(), List.of(BACKENDS));
    pai = Calls.client(localPai);
    eas = new EasCalls(pai, localPai.region());
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  private static String running(String name, int instances, String image) {
    eas.create(EasCalls.spec(name, instances, image));
    eas.awaitStatus(name, "Running");
    return eas.describe(name).get("AccessToken").asText();
  }

  private static URI endpoint(String path) {
    return URI.create(localPai.endpoint() + "/api/predict/" + path);
  }

  @Test
  void tokenIsCheckedRawOrBearer() {
    String token = running("gw_auth", 1, "registry/app:1");
    URI uri = endpoint("gw_auth");

    assertThat(EasCalls.get(uri, token).statusCode()).isEqualTo(200);
    assertThat(EasCalls.get(uri, "Bearer " + token).statusCode()).isEqualTo(200);
    assertThat(EasCalls.get(uri, "bearer " + token).statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = EasCalls.get(uri, "not-the-token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("Authorization Failed");
    assertThat(EasCalls.get(uri, null).statusCode()).isEqualTo(401);
    assertThat(EasCalls.get(uri, "Bearer ").statusCode()).isEqualTo(401);
  }

  @Test
  void fixedTokenFromTheSpecIsUsed() {
    var spec = EasCalls.spec("gw_fixed_token", 1, "registry/app:1").put("token", "my-fixed-token");
    eas.create(spec);
    eas.awaitStatus("gw_fixed_token", "Running");
    assertThat(eas.describe("gw_fixed_token").get("AccessToken").asText())
        .isEqualTo("my-fixed-token");
    assertThat(EasCalls.get(endpoint("gw_fixed_token"), "my-fixed-token").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownServiceIs404() {
    HttpResponse<String> r = EasCalls.get(endpoint("gw_nobody/v1/models"), "any");
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void echoBackendAnswersHealthAndEchoesPosts() {
    String token = running("gw_echo", 1, "registry/app:1");

    HttpResponse<String> root = EasCalls.get(endpoint("gw_echo"), token);
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(EasCalls.get(endpoint("gw_echo/"), token).statusCode()).isEqualTo(200);
    assertThat(EasCalls.get(endpoint("gw_echo/health"), token).statusCode()).isEqualTo(200);
    assertThat(EasCalls.get(endpoint("gw_echo/nothing/here"), token).statusCode()).isEqualTo(404);

    String body = "{\"inputs\":[1,2,3],\"text\":\"héllo\"}";
    HttpResponse<String> echoed =
        EasCalls.gateway(endpoint("gw_echo/predict"), "POST", "Bearer " + token, body);
    assertThat(echoed.statusCode()).isEqualTo(200);
    assertThat(echoed.body()).isEqualTo(body);
    assertThat(echoed.headers().firstValue("content-type")).contains("application/json");
  }

  @Test
  void subPathAndQueryReachTheBackendAndReplicasShareTheLoad() {
    String token = running("gw_paths", 2, TestBackends.image(0));

    JsonNode answer =
        parse(EasCalls.get(endpoint("gw_paths/v1/chat/completions?x=1"), token).body());
    assertThat(answer.get("path").asText()).isEqualTo("/v1/chat/completions");
    assertThat(answer.get("uri").asText())
        .isEqualTo("/api/predict/gw_paths/v1/chat/completions?x=1");
    assertThat(parse(EasCalls.get(endpoint("gw_paths"), token).body()).get("path").asText())
        .isEqualTo("/");

    Set<Integer> replicas = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      replicas.add(parse(EasCalls.get(endpoint("gw_paths"), token).body()).get("replica").asInt());
    }
    assertThat(replicas).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void backendFactoryReceivesTheReplicaContext() {
    running("gw_context", 2, TestBackends.image(0));
    BackendContext c = BACKENDS.contexts.get("gw_context#1");
    assertThat(c.serviceName()).isEqualTo("gw_context");
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.replicaIndex()).isEqualTo(1);
    assertThat(c.serviceConfig().at("/metadata/name").asText()).isEqualTo("gw_context");
    assertThat(c.emulation().region()).isEqualTo("cn-shanghai");
    assertThat(c.seed()).isNotEqualTo(BACKENDS.contexts.get("gw_context#0").seed());
  }
}
