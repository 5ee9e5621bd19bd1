package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.event.ProgressEvent;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.EasInference;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.preflight.PreflightFailedException;
import dev.pailot.serving.preflight.PreflightProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code deploy} against LocalPai: create, no-op, update and verify, failure, preflight. */
class DeployLocalPaiTest {
  @RegisterExtension static final LocalPaiEas LOCAL = new LocalPaiEas();

  private final EasClient eas = LOCAL.eas();

  private static DeployOptions options(List<ProgressEvent> events) {
    return DeployOptions.builder()
        .runningTimeout(Duration.ofSeconds(30))
        .servingTimeout(Duration.ofSeconds(30))
        .listener(events::add)
        .build();
  }

  @Test
  void deployCreatesWaitsUntilServingAndAnswersThroughTheGatewayWithTheToken() throws Exception {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    Deployment d = eas.deploy(Specs.vllm("dep_new"), options(events));

    assertThat(d.action()).isEqualTo(Deployment.Action.CREATED);
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.service().status()).isEqualTo(ServiceStatus.RUNNING);
    assertThat(d.readinessPath()).isEqualTo("/v1/models");
    assertThat(events)
        .extracting(ProgressEvent::phase)
        .containsSubsequence("PREFLIGHT", "CREATING", "RUNNING", "SERVING", "VERIFIED");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            d.service().internetEndpoint().orElseThrow() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + d.service().accessToken().orElseThrow())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"qwen\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":4}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("chat.completion");
    try (InferenceClient client = EasInference.create(LOCAL.pai(), "dep_new")) {
      ChatResult r =
          client.chat(ChatRequest.builder().model("qwen").user("hi").maxTokens(4).build());
      assertThat(r.usage().orElseThrow().completionTokens()).isEqualTo(4);
      assertThat(r.text()).isNotBlank();
    }
  }

  @Test
  void redeployingTheSameSpecChangesNothingAndANewSpecIsVerified() {
    ServiceSpec v1 = Specs.vllm("dep_upd");
    eas.deploy(v1, options(new CopyOnWriteArrayList<>()));

    Deployment same = eas.deploy(v1, options(new CopyOnWriteArrayList<>()));
    ServiceSpec v2 =
        v1.toBuilder()
            .containers(
                List.of(
                    v1.containers().get(0).toBuilder()
                        .image(Specs.VLLM.replace("0.8.5", "0.9.1"))
                        .build()))
            .build();
    Deployment updated = eas.deploy(v2, options(new CopyOnWriteArrayList<>()));

    assertThat(same.action()).isEqualTo(Deployment.Action.UNCHANGED);
    assertThat(same.version()).isEqualTo(1);
    assertThat(updated.action()).isEqualTo(Deployment.Action.UPDATED);
    assertThat(updated.previousVersion()).hasValue(1);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.service().image()).hasValue(Specs.VLLM.replace("0.8.5", "0.9.1"));
  }

  @Test
  void aFailedRolloutSurfacesEventsAndDiagnosisAndTheOldVersionKeepsServing() {
    ServiceSpec v1 = Specs.vllm("dep_fail");
    Deployment first = eas.deploy(v1, options(new CopyOnWriteArrayList<>()));
    LOCAL.localPai().faults().easFailNextDeployment("dep_fail");
    ServiceSpec v2 =
        v1.toBuilder()
            .metadata(v1.metadata().toBuilder().rpcKeepalive(Duration.ofMinutes(20)).build())
            .build();

    assertThatThrownBy(() -> eas.deploy(v2, options(new CopyOnWriteArrayList<>())))
        .isInstanceOfSatisfying(
            ServiceFailedException.class,
            e -> {
              assertThat(e.diagnosis()).isNotEmpty();
              assertThat(e.events()).anyMatch(ServiceEvent::warning);
            });
    eas.awaitServing(first.service(), Duration.ofSeconds(10)); // version 1 still answers
  }

  @Test
  void deployingOntoAStoppedServiceStartsItAndOntoADeletingOneRecreatesIt() {
    ServiceSpec v1 = Specs.vllm("dep_stop");
    eas.deploy(v1, options(new CopyOnWriteArrayList<>()));
    eas.stopService("dep_stop");
    eas.awaitStopped("dep_stop", Duration.ofSeconds(30));
    ServiceSpec v2 = v1.toBuilder().metadata(v1.metadata().toBuilder().instance(2).build()).build();

    Deployment restarted = eas.deploy(v2, options(new CopyOnWriteArrayList<>()));
    eas.deleteService("dep_stop");
    Deployment recreated = eas.deploy(v1, options(new CopyOnWriteArrayList<>()));

    assertThat(restarted.action()).isEqualTo(Deployment.Action.UPDATED);
    assertThat(restarted.service().runningInstance()).isEqualTo(2);
    assertThat(recreated.action()).isEqualTo(Deployment.Action.CREATED);
    assertThat(recreated.version()).isEqualTo(1);
  }

  @Test
  void preflightErrorsBlockBeforeAnyCallUnlessWaived() {
    ServiceSpec latest =
        Specs.vllm("dep_pre").toBuilder()
            .containers(
                List.of(
                    Specs.vllm("dep_pre").containers().get(0).toBuilder()
                        .image("registry/vllm:latest")
                        .build()))
            .build();
    int before = LOCAL.localPai().requests().all().size();

    assertThatThrownBy(() -> eas.deploy(latest, DeployOptions.defaults()))
        .isInstanceOfSatisfying(
            PreflightFailedException.class,
            e ->
                assertThat(e.report().blocking(List.of()))
                    .extracting(f -> f.id())
                    .contains("image-tag"))
        .hasMessageContaining("image-tag");
    assertThat(LOCAL.localPai().requests().all()).hasSize(before);

    DeployOptions prod =
        DeployOptions.builder()
            .profile(PreflightProfile.productionDefaults())
            .addWaived("image-tag", "vpc-networking", "public-endpoint")
            .runningTimeout(Duration.ofSeconds(30))
            .build();
    Deployment d = eas.deploy(latest, prod);
    assertThat(d.waivedFindings())
        .extracting(f -> f.id())
        .containsExactlyInAnyOrder("image-tag", "vpc-networking", "public-endpoint");
  }
}
