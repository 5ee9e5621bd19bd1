package dev.pailot.rag.budget;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Latency budget and overrun policy per stage, plus the budget of the fallback reranker. Unset
 * stages get the blueprint's defaults ({@link Stage#defaultBudget()}) and {@link
 * StagePolicy#DEGRADE}. Immutable and thread-safe; plain data, so it can come from configuration.
 *
 * <pre>{@code
 * Budgets.builder().putBudget(Stage.RERANK, Duration.ofMillis(120))
 *     .putPolicy(Stage.EMBED, StagePolicy.FAIL).build();
 * }</pre>
 */
@Value.Immutable
@PailotStyle
public abstract class Budgets {
  /**
   * Budgets that differ from the defaults.
   *
   * @return budget per stage
   */
  public abstract Map<Stage, Duration> budget();

  /**
   * Policies that differ from {@link StagePolicy#DEGRADE}.
   *
   * @return policy per stage
   */
  public abstract Map<Stage, StagePolicy> policy();

  /**
   * Budget of the fallback reranker when the primary one overran or failed. Default 20 ms.
   *
   * @return fallback rerank budget
   */
  @Value.Default
  public Duration fallbackRerank() {
    return Duration.ofMillis(20);
  }

  /**
   * The budget of a stage.
   *
   * @param stage the stage
   * @return its budget
   */
  public Duration budgetOf(Stage stage) {
    return budget().getOrDefault(stage, stage.defaultBudget());
  }

  /**
   * The policy of a stage.
   *
   * @param stage the stage
   * @return its policy
   */
  public StagePolicy policyOf(Stage stage) {
    return policy().getOrDefault(stage, StagePolicy.DEGRADE);
  }

  /**
   * The sum of the stage budgets before generation (embed, retrieve, rerank, assemble): 160 ms by
   * default.
   *
   * @return pre-generation budget
   */
  public Duration preGeneration() {
    return budgetOf(Stage.EMBED)
        .plus(budgetOf(Stage.RETRIEVE))
        .plus(budgetOf(Stage.RERANK))
        .plus(budgetOf(Stage.ASSEMBLE));
  }

  /**
   * The blueprint's defaults.
   *
   * @return default budgets
   */
  public static Budgets defaults() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from these budgets.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    budget().forEach((stage, d) -> positive("budget." + stage.tag(), d));
    positive("fallbackRerank", fallbackRerank());
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw ValidationException.invalidField(
          field, "must be positive", "use e.g. Duration.ofMillis(80)");
    }
  }

  /** Builder for {@link Budgets}. Not thread-safe. */
  public static final class Builder extends ImmutableBudgets.Builder {
    Builder() {}
  }
}
