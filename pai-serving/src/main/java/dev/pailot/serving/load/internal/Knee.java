package dev.pailot.serving.load.internal;

import dev.pailot.serving.load.RunResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the knee of a sweep: the lowest sweep value whose goodput is near the best. */
public final class Knee {
  private Knee() {}

  /**
   * The first run, by sweep value, with goodput at least {@code (1 - tolerance)} of the best.
   *
   * @param runs the sweep's runs
   * @param tolerance the plateau tolerance
   * @return the knee, empty when no run had goodput
   */
  public static Optional<RunResult> find(List<RunResult> runs, double tolerance) {
    double best = runs.stream().mapToDouble(RunResult::goodput).max().orElse(0);
    if (!(best > 0)) {
      return Optional.empty();
    }
    return runs.stream()
        .sorted(Comparator.comparingDouble(RunResult::sweepValue))
        .filter(r -> r.goodput() >= best * (1 - tolerance))
        .findFirst();
  }
}
