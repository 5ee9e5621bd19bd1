package dev.pailot.serving.eas;

import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One LocalPai per test class with a {@link Pai} client and an {@link EasClient} on it; register as
 * a static field: {@code @RegisterExtension static final LocalPaiEas LOCAL = new LocalPaiEas();}.
 * One emulated minute lasts 20 ms, so replicas load in well under a second, and the waiters poll
 * every 10 to 50 ms.
 */
final class LocalPaiEas implements BeforeAllCallback, AfterAllCallback {
  private LocalPai localPai;
  private Pai pai;
  private EasClient eas;

  @Override
  public void beforeAll(ExtensionContext context) {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
    eas = EasClient.builder(pai).pollDelays(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    eas.close();
    pai.close();
    localPai.close();
  }

  /** The emulator, for faults and the request log. */
  LocalPai localPai() {
    return localPai;
  }

  /** A client of the emulator. */
  Pai pai() {
    return pai;
  }

  /** The EAS client under test. */
  EasClient eas() {
    return eas;
  }
}
