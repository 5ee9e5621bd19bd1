package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pailot.core.error.ValidationException;

/**
 * A role in a DLC job ({@code JobSpecs[].Type}): one group of identical pods. Which roles a job may
 * have depends on its {@link JobType}.
 */
public enum RoleType {
  /** {@code Worker}: the training processes; every framework has it. */
  WORKER("Worker"),
  /** {@code Master}: PyTorch, XGBoost, OneFlow, ElasticBatch; optional. */
  MASTER("Master"),
  /** {@code PS}: TensorFlow parameter server. */
  PS("PS"),
  /** {@code Chief}: TensorFlow chief worker. */
  CHIEF("Chief"),
  /** {@code Evaluator}: TensorFlow evaluator. */
  EVALUATOR("Evaluator"),
  /** {@code GraphLearn}: TensorFlow GraphLearn server. */
  GRAPH_LEARN("GraphLearn"),
  /** {@code Head}: Ray head node. */
  HEAD("Head");

  private final String wireValue;

  RoleType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value DLC expects in {@code JobSpecs[].Type}, e.g. {@code Worker}.
   *
   * @return wire value
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses a role from its wire value or constant name, case-insensitively.
   *
   * @param text the text
   * @return the role
   * @throws ValidationException naming {@code type} if the text is no role
   */
  @JsonCreator
  public static RoleType parse(String text) {
    String t = text == null ? "" : text.trim();
    for (RoleType type : values()) {
      if (type.wireValue.equalsIgnoreCase(t) || type.name().equalsIgnoreCase(t)) {
        return type;
      }
    }
    throw ValidationException.invalidField(
        "type",
        "\"" + text + "\" is not a DLC role",
        "use one of Worker, Master, PS, Chief, Evaluator, GraphLearn, Head");
  }
}
