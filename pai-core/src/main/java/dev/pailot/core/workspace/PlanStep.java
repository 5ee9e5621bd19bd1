package dev.pailot.core.workspace;

import java.util.List;
import java.util.Optional;

/**
 * One line of a {@link WorkspacePlan}.
 *
 * @param resource the resource, e.g. {@code workspace/llm_prod} or {@code dataset/train-data}
 * @param action what ensure would do
 * @param id the existing resource's id; empty for {@link PlanAction#CREATE}
 * @param drift the differences, for {@link PlanAction#DRIFT}; otherwise empty
 */
public record PlanStep(String resource, PlanAction action, Optional<String> id, List<Drift> drift) {

  /**
   * Creates a step, copying the drift list.
   *
   * @param resource resource
   * @param action action
   * @param id existing id
   * @param drift differences
   */
  public PlanStep {
    drift = List.copyOf(drift);
  }
}
