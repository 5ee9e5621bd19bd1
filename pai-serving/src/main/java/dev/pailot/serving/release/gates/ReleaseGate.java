package dev.pailot.serving.release.gates;

/**
 * Decides at every stage of a release whether the green service may take more traffic. A gate sees
 * the stage through a {@link GateContext}: the services, the share of traffic green had, the bake
 * window, and clients for green's and blue's own endpoints.
 *
 * <p>The controller calls, for each stage the gate {@link #appliesAt applies at}: {@link
 * #stageStarted} when the stage's weights are set (before the bake), then {@link #evaluate} when
 * the bake is over. Stage {@code 0} is the pre-traffic check: green is ready and warmed but takes
 * no user traffic. A gate that throws fails the stage with the exception's message.
 *
 * <p>Calls for one release come from one thread, in order; a gate instance used by several releases
 * at once must be thread-safe. State a gate keeps between calls (a baseline) is lost when a release
 * is resumed by another process, so gates must judge a stage on their own when it is missing.
 */
public interface ReleaseGate {
  /**
   * A short name for reports and metrics, e.g. {@code client-metrics}.
   *
   * @return name
   */
  String name();

  /**
   * Whether this gate judges a stage.
   *
   * @param stagePercent green's share of traffic in percent, {@code 0} for the pre-traffic check
   * @return true to be called at that stage
   */
  default boolean appliesAt(int stagePercent) {
    return true;
  }

  /**
   * The stage's weights are set and its bake starts now.
   *
   * @param context the stage
   */
  default void stageStarted(GateContext context) {}

  /**
   * Judges the stage once its bake is over.
   *
   * @param context the stage
   * @return the verdict with what was measured
   */
  GateResult evaluate(GateContext context);
}
