package dev.pailot.serving.release;

import dev.pailot.core.Pai;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.release.internal.EasHandle;
import dev.pailot.serving.release.internal.EasReleaseOps;
import dev.pailot.serving.release.internal.ReleaseController;
import dev.pailot.serving.release.internal.ReleaseEvents;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Blue-green releases on EAS: blue and green are services in one group; green is deployed and
 * warmed while it takes no traffic, then takes a growing share of the group's traffic in stages,
 * each baked and judged by gates; a failing gate returns all traffic to blue.
 *
 * <pre>{@code
 * try (BlueGreen releases = BlueGreen.create(pai)) {
 *   ReleaseReport report = releases.release("chat", "chat_v1", greenSpec)
 *       .stages(10, 50, 100)
 *       .bake(Duration.ofMinutes(5))
 *       .gate(clientMetrics)
 *       .run();
 *   System.out.println(report.toText());
 * }
 * }</pre>
 *
 * <p>Every decision is derived from what EAS shows (weights, traffic states, statuses, the labels
 * the release sets on green), so a release whose controller died is resumed by running it again
 * from any process. Thread-safe; owns an {@link EasClient} that {@link #close()} releases.
 */
public final class BlueGreen implements AutoCloseable {
  private final EasHandle clients;
  private final Pai pai;
  private final EasClient eas;

  private BlueGreen(EasHandle clients) {
    this.clients = clients;
    this.pai = clients.pai();
    this.eas = clients.eas();
  }

  /**
   * Blue-green releases through a {@code Pai} client (which the caller keeps and closes).
   *
   * @param pai the client
   * @return the release entry point
   */
  public static BlueGreen create(Pai pai) {
    return new BlueGreen(EasHandle.owned(pai));
  }

  /**
   * The same, with an EAS client of your own (e.g. with other waiter poll delays), built from the
   * same {@code pai}; the caller closes it.
   *
   * @param pai the client
   * @param eas an EAS client built from {@code pai}
   * @return the entry point
   */
  public static BlueGreen create(Pai pai, EasClient eas) {
    return new BlueGreen(EasHandle.borrowed(pai, eas));
  }

  /**
   * A release of {@code green} against {@code blue} in {@code group}, configured fluently and
   * started with {@link BlueGreenRelease#run()}. Green's name is {@code greenSpec}'s; the release
   * sets its {@code metadata.group}.
   *
   * @param group the service group blue belongs to
   * @param blue the service serving today
   * @param greenSpec the service to release
   * @return the release, not started
   */
  public BlueGreenRelease release(String group, String blue, ServiceSpec greenSpec) {
    Objects.requireNonNull(greenSpec, "greenSpec");
    return new BlueGreenRelease(this, group, blue, greenSpec.metadata().name(), greenSpec);
  }

  /**
   * A release in progress whose green exists, without its spec: for a process that only resumes (or
   * rolls back) what another one started. Running it when green does not exist fails.
   *
   * @param group the service group
   * @param blue blue service
   * @param green green service
   * @return the release, not started
   */
  public BlueGreenRelease resume(String group, String blue, String green) {
    return new BlueGreenRelease(this, group, blue, green, null);
  }

  /**
   * The state of a release as EAS shows it now.
   *
   * @param group the service group
   * @param blue blue service
   * @param green green service
   * @return state
   */
  public ReleaseState inspect(String group, String blue, String green) {
    return resume(group, blue, green).state();
  }

  ReleaseController controller(BlueGreenRelease r, ReleasePlan plan) {
    PaiRuntime runtime = PaiRuntime.of(pai);
    EasReleaseOps ops =
        new EasReleaseOps(
            eas,
            runtime,
            plan.group(),
            plan.green(),
            Optional.ofNullable(r.spec()),
            r.deployOptions());
    return new ReleaseController(
        plan,
        List.copyOf(r.gates()),
        ops,
        new ReleaseEvents(plan.group(), plan.green(), r.listener(), runtime.listener()),
        dev.pailot.serving.release.internal.ReleaseMetrics.of(runtime.meterRegistry()),
        r.clients(),
        r.warmupRequest());
  }

  EasClient eas() {
    return eas;
  }

  Pai pai() {
    return pai;
  }

  /**
   * Releases the EAS client it created (not one passed to {@link #create(Pai, EasClient)}).
   * Releases in progress on other threads then fail their next call.
   */
  @Override
  public void close() {
    clients.close();
  }
}
