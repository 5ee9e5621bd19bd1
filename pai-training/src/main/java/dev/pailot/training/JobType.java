package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pailot.core.error.ValidationException;
import java.util.Set;

/**
 * The framework a DLC job runs ({@code JobType}, case-sensitive on the wire). Each type allows
 * certain {@link RoleType roles}: see {@link #allowedRoles()}.
 */
public enum JobType {
  /** TensorFlow ({@code TFJob}): Chief, PS, Worker, Evaluator, GraphLearn. */
  TF_JOB(
      "TFJob",
      Set.of(
          RoleType.CHIEF, RoleType.PS, RoleType.WORKER, RoleType.EVALUATOR, RoleType.GRAPH_LEARN)),
  /** PyTorch ({@code PyTorchJob}): Worker, optional Master (the first Worker acts as master). */
  PYTORCH_JOB("PyTorchJob", Set.of(RoleType.WORKER, RoleType.MASTER)),
  /** MPI ({@code MPIJob}). PAI does not document its roles; any role is passed through. */
  MPI_JOB("MPIJob", Set.of()),
  /** XGBoost ({@code XGBoostJob}): Worker, optional Master. */
  XGBOOST_JOB("XGBoostJob", Set.of(RoleType.WORKER, RoleType.MASTER)),
  /** OneFlow ({@code OneFlowJob}): Worker, optional Master. */
  ONEFLOW_JOB("OneFlowJob", Set.of(RoleType.WORKER, RoleType.MASTER)),
  /** ElasticBatch ({@code ElasticBatchJob}): Worker, optional Master. */
  ELASTIC_BATCH_JOB("ElasticBatchJob", Set.of(RoleType.WORKER, RoleType.MASTER)),
  /** Slurm ({@code SlurmJob}). PAI does not document its roles; any role is passed through. */
  SLURM_JOB("SlurmJob", Set.of()),
  /** Ray ({@code RayJob}): Head, Worker. */
  RAY_JOB("RayJob", Set.of(RoleType.HEAD, RoleType.WORKER));

  private final String wireValue;
  private final Set<RoleType> allowedRoles;

  JobType(String wireValue, Set<RoleType> allowedRoles) {
    this.wireValue = wireValue;
    this.allowedRoles = allowedRoles;
  }

  /**
   * The value DLC expects in {@code JobType}, e.g. {@code PyTorchJob}.
   *
   * @return wire value
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * The roles PAI documents for this type; empty when PAI documents none (then any role is sent).
   *
   * @return allowed roles
   */
  public Set<RoleType> allowedRoles() {
    return allowedRoles;
  }

  /**
   * Parses a job type from its wire value or constant name, case-insensitively ({@code PyTorchJob},
   * {@code pytorchjob}, {@code PYTORCH_JOB}).
   *
   * @param text the text
   * @return the job type
   * @throws ValidationException naming {@code jobType} if the text is no job type
   */
  @JsonCreator
  public static JobType parse(String text) {
    String t = text == null ? "" : text.trim();
    for (JobType type : values()) {
      if (type.wireValue.equalsIgnoreCase(t) || type.name().equalsIgnoreCase(t)) {
        return type;
      }
    }
    throw ValidationException.invalidField(
        "jobType",
        "\"" + text + "\" is not a DLC job type",
        "use one of TFJob, PyTorchJob, MPIJob, XGBoostJob, OneFlowJob, ElasticBatchJob, SlurmJob,"
            + " RayJob");
  }
}
