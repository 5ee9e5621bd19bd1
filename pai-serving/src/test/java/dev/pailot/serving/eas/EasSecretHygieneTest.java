package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.event.ProgressEvent;
import dev.pailot.testkit.SecretLeakGuard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service tokens and registry credentials stay out of logs (at DEBUG), toString, exception messages
 * and progress events, through a deploy, a failure and the reads.
 */
class EasSecretHygieneTest {
  private static final String TOKEN = "eas-fixed-token-must-not-leak-3c1d";
  private static final String DOCKER_AUTH = "dXNlcjpzM2NyM3QtcGFzc3dvcmQ=";

  @RegisterExtension
  final SecretLeakGuard guard =
      SecretLeakGuard.create()
          .secret(TOKEN)
          .secret(DOCKER_AUTH)
          .ignoreLoggers(SecretLeakGuard.SERVER_LOGGERS.toArray(String[]::new));

  @RegisterExtension static final LocalPaiEas LOCAL = new LocalPaiEas();

  private final EasClient eas = LOCAL.eas();

  private static ServiceSpec secretive(String name) {
    return Specs.vllm(name).toBuilder().token(TOKEN).dockerAuth(DOCKER_AUTH).build();
  }

  @Test
  void aDeployAndItsReadsLeakNoSecret() {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    ServiceSpec spec = secretive("secret_ok");

    Deployment d =
        eas.deploy(
            spec,
            DeployOptions.builder()
                .listener(events::add)
                .runningTimeout(Duration.ofSeconds(30))
                .build());
    EasService s = eas.describeService("secret_ok");
    List<ServiceVersion> versions = eas.listVersions("secret_ok");

    assertThat(s.accessToken()).hasValue(TOKEN); // the SDK does get it ...
    String printed = d + " " + s + " " + versions + " " + spec + " " + events;
    assertThat(printed).doesNotContain(TOKEN).doesNotContain(DOCKER_AUTH); // ... and never shows it
  }

  @Test
  void aFailedDeployLeaksNoSecret() {
    LOCAL.localPai().faults().easFailNextDeployment("secret_bad");

    assertThatThrownBy(
            () ->
                eas.deploy(
                    secretive("secret_bad"),
                    DeployOptions.builder().runningTimeout(Duration.ofSeconds(30)).build()))
        .isInstanceOfSatisfying(
            ServiceFailedException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(TOKEN);
              assertThat(e.service().toString() + e.events() + e.diagnosis())
                  .doesNotContain(TOKEN)
                  .doesNotContain(DOCKER_AUTH);
            });
  }
}
