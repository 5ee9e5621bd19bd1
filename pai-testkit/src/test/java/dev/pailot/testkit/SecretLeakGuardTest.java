package dev.pailot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The guard catches a secret wherever a log event carries it, and only then. */
class SecretLeakGuardTest {
  private static final Logger LOG = LoggerFactory.getLogger("dev.pailot.test.leaky");
  private static final String SECRET = TestCredentials.ACCESS_KEY_SECRET;

  private final SecretLeakGuard guard = SecretLeakGuard.create();

  @AfterEach
  void stop() {
    guard.stop();
    MDC.clear();
  }

  @Test
  void cleanLogsPass() {
    guard.start();
    LOG.debug("calling {} with key id {}", "DescribeVpcs", TestCredentials.ACCESS_KEY_ID);
    guard.stop();

    assertThat(guard.capturedEvents()).isEqualTo(1);
    assertThat(guard.violations()).isEmpty();
    guard.assertNoLeaks();
  }

  @Test
  void aSecretInTheFormattedMessageOrAnArgumentIsALeak() {
    guard.start();
    LOG.debug("secret is {}", SECRET);
    guard.stop();

    assertThat(guard.violations())
        .anySatisfy(v -> assertThat(v).contains("argument 0"))
        .anySatisfy(v -> assertThat(v).contains("formatted message"))
        .allSatisfy(v -> assertThat(v).doesNotContain(SECRET));
    assertThatThrownBy(guard::assertNoLeaks)
        .isInstanceOf(AssertionError.class)
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aSecretInsideAnArgumentsToStringIsALeak() {
    guard.start();
    LOG.debug("config {}", new StringBuilder("k=").append(SECRET));
    LOG.debug("config {}", (Object) new String[] {"a", SECRET});
    guard.stop();

    assertThat(guard.violations()).hasSize(2);
  }

  @Test
  void aSecretInAThrowableCauseIsALeak() {
    guard.start();
    LOG.debug(
        "call failed",
        new IllegalStateException("outer", new RuntimeException("token " + SECRET + " rejected")));
    guard.stop();

    assertThat(guard.violations()).singleElement().asString().contains("throwable");
  }

  @Test
  void anUrlEncodedTokenInMdcIsALeak() {
    guard.start();
    MDC.put(
        "url",
        "/?SecurityToken="
            + URLEncoder.encode(TestCredentials.STS_SECURITY_TOKEN, StandardCharsets.UTF_8));
    LOG.debug("request");
    guard.stop();

    assertThat(guard.violations()).singleElement().asString().contains("MDC url");
  }

  @Test
  void registeredSecretsAreGuardedToo() {
    guard.secret("eas-token-1234567").start();
    LOG.debug("token eas-token-1234567");
    guard.stop();

    assertThat(guard.violations()).hasSize(1);
  }

  @Test
  void debugIsCapturedDuringTheTestAndLevelsAreRestoredAfter() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger quiet = context.getLogger("dev.pailot.test.quiet");
    quiet.setLevel(Level.WARN);
    Level rootBefore = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
    try {
      guard.start();
      LoggerFactory.getLogger("dev.pailot.test.quiet").debug("leak {}", SECRET);
      guard.stop();

      assertThat(guard.violations()).isNotEmpty();
      assertThat(quiet.getLevel()).isEqualTo(Level.WARN);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(rootBefore);
    } finally {
      quiet.setLevel(null);
    }
  }

  @Test
  void assertNoSecretInChecksToStringAndStackTraces() {
    Object leaky =
        new Object() {
          @Override
          public String toString() {
            return "creds " + SECRET;
          }
        };
    Exception wrapped = new RuntimeException("outer", new IllegalStateException(SECRET));

    assertThatThrownBy(() -> guard.assertNoSecretIn("leaky", leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("leaky")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> guard.assertNoSecretIn("wrapped", wrapped))
        .isInstanceOf(AssertionError.class);
    guard.assertNoSecretIn("clean", "nothing to see");
  }

  @Test
  void theMockServersOwnLoggersAreIgnoredUnlessAsked() {
    Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.http.HttpParser");
    guard.start();
    jetty.info("header x-acs-security-token: {}", TestCredentials.STS_SECURITY_TOKEN);
    guard.stop();
    assertThat(guard.violations()).isEmpty();

    SecretLeakGuard strict = SecretLeakGuard.create().checkAllLoggers();
    strict.start();
    jetty.info("header x-acs-security-token: {}", TestCredentials.STS_SECURITY_TOKEN);
    strict.stop();
    assertThat(strict.violations()).hasSize(1);
  }

  @Test
  void shortSecretsAreRejected() {
    assertThatThrownBy(() -> guard.secret("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
