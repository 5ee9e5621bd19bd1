package dev.pailot.serving.release.shadow;

import dev.pailot.core.Pai;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.release.internal.EasHandle;
import java.util.Objects;

/**
 * Shadow evaluations on EAS: a share of blue's live requests is mirrored to green ({@code
 * CreateServiceMirror}) for a window while the SDK compares the two, then green is kept for a
 * blue-green promotion or discarded.
 *
 * <pre>{@code
 * try (Shadow shadow = Shadow.create(pai)) {
 *   ShadowReport report = shadow.evaluate("chat", "chat_v1", greenSpec)
 *       .mirrorPercent(10)
 *       .window(Duration.ofMinutes(10))
 *       .golden(goldenSet)
 *       .run();
 *   if (report.verdict() == ShadowVerdict.PROMOTE) {
 *     // BlueGreen.create(pai).release("chat", "chat_v1", greenSpec)...run();
 *   }
 * }
 * }</pre>
 *
 * <p>What is measured, honestly: EAS discards the mirror target's answers, so the mirrored traffic
 * only gives green a realistic load. The comparison comes from the SDK's own probes: the same
 * requests sent to blue's and green's own endpoints, in pairs, during the window (latency p50/p99
 * and errors of each side, green under its mirrored load), and the golden set asked of both.
 * Thread-safe; owns an {@link EasClient} that {@link #close()} releases.
 */
public final class Shadow implements AutoCloseable {
  private final EasHandle clients;
  private final Pai pai;
  private final EasClient eas;

  private Shadow(EasHandle clients) {
    this.clients = clients;
    this.pai = clients.pai();
    this.eas = clients.eas();
  }

  /**
   * Shadow evaluations through a {@code Pai} client (which the caller keeps and closes).
   *
   * @param pai the client
   * @return the entry point
   */
  public static Shadow create(Pai pai) {
    return new Shadow(EasHandle.owned(pai));
  }

  /**
   * The same, with an EAS client of your own (e.g. with other waiter poll delays), built from the
   * same {@code pai}; the caller closes it.
   *
   * @param pai the client
   * @param eas an EAS client built from {@code pai}
   * @return the entry point
   */
  public static Shadow create(Pai pai, EasClient eas) {
    return new Shadow(EasHandle.borrowed(pai, eas));
  }

  /**
   * An evaluation of green against blue in blue's group. Green is deployed standalone in the group
   * (as a blue-green release does) unless it exists, so a promotion afterwards continues with it.
   *
   * @param group the service group blue belongs to
   * @param blue the service serving today (mirrored)
   * @param greenSpec the candidate
   * @return the evaluation, not started
   */
  public ShadowRun evaluate(String group, String blue, ServiceSpec greenSpec) {
    return new ShadowRun(pai, eas, group, blue, Objects.requireNonNull(greenSpec, "greenSpec"));
  }

  /** Releases the EAS client it created (not one passed to {@link #create(Pai, EasClient)}). */
  @Override
  public void close() {
    clients.close();
  }
}
