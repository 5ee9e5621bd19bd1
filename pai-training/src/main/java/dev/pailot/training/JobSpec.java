package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DLC training job as plain data: what {@link DlcClient#createJob(JobSpec)} submits (CreateJob,
 * PAI_API.md §2.2 to §2.4). Portals can store and diff it: {@link #toJson()} and {@link
 * #fromJson(String)} round-trip it.
 *
 * <pre>{@code
 * JobSpec spec = JobSpec.builder()
 *     .displayName("llm-sft-run-01")
 *     .jobType(JobType.PYTORCH_JOB)
 *     .workspaceId("12345")
 *     .userCommand("torchrun --nproc_per_node 1 train.py --ckpt /mnt/ckpt")
 *     .addRoles(RoleSpec.worker(image).podCount(2).ecsSpec("ecs.gn7i-c8g1.2xlarge").build())
 *     .addDataSources(DataSourceSpec.dataset("d-c0h44g3wlwkj8o4348", "/mnt/data/"))
 *     .checkpoint(ckptUri, "/mnt/ckpt/")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates everything DLC would reject or
 * that would make a run unrepeatable (see {@code docs/training.md}) and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent to PAI. {@code toString}
 * redacts the code source and credential configuration.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableJobSpec.class)
@JsonDeserialize(as = ImmutableJobSpec.class)
public abstract class JobSpec {
  private static final Map<String, String> FIXES =
      Map.of(
          "displayName", "set displayName(\"llm-sft-run-01\")",
          "jobType", "set jobType(JobType.PYTORCH_JOB) or another job type",
          "userCommand", "set userCommand(\"python train.py\"), the command every pod runs");

  /**
   * The job's name: 1 to 256 letters, digits, {@code _}, {@code .} or {@code -} ({@code
   * DisplayName}). Not unique: DLC identifies jobs by id. Required.
   *
   * @return display name
   */
  public abstract String displayName();

  /**
   * The framework ({@code JobType}). Required.
   *
   * @return job type
   */
  public abstract JobType jobType();

  /**
   * The workspace to run in ({@code WorkspaceId}); DLC uses the default workspace when unset.
   *
   * @return workspace id
   */
  public abstract Optional<String> workspaceId();

  /**
   * A free-text description ({@code Description}).
   *
   * @return description
   */
  public abstract Optional<String> description();

  /**
   * The roles, at least one, each role type once ({@code JobSpecs}).
   *
   * @return roles
   */
  public abstract List<RoleSpec> roles();

  /**
   * The resource group or quota to run on ({@code ResourceId}); unset means public pay-as-you-go
   * resources. Decides whether roles give {@link RoleSpec#resources()} (set) or {@link
   * RoleSpec#ecsSpec()} (unset).
   *
   * @return resource id
   */
  public abstract Optional<String> resourceId();

  /**
   * The command every pod runs ({@code UserCommand}). Required.
   *
   * @return user command
   */
  public abstract String userCommand();

  /**
   * Environment variables of every pod ({@code Envs}); names match {@code [A-Za-z_][A-Za-z0-9_]*}.
   *
   * @return environment variables
   */
  public abstract Map<String, String> envs();

  /**
   * Data mounted into every pod ({@code DataSources}).
   *
   * @return data sources
   */
  public abstract List<DataSourceSpec> dataSources();

  /**
   * Code checked out into every pod ({@code CodeSource}). Redacted in {@code toString}.
   *
   * @return code source
   */
  @Value.Redacted
  public abstract Optional<CodeSourceSpec> codeSource();

  /**
   * Where the job writes checkpoints; mounted like a data source. Required for a spot run.
   *
   * @return checkpoint location
   */
  public abstract Optional<CheckpointLocation> checkpoint();

  /**
   * The hard wall-clock limit in minutes ({@code JobMaxRunningTimeMinutes}); DLC stops the job
   * after it. Positive.
   *
   * @return limit in minutes
   */
  public abstract Optional<Long> maxRunningTimeMinutes();

  /**
   * Scheduling priority, 1 (lowest, DLC's default) to 9 ({@code Priority}).
   *
   * @return priority
   */
  public abstract Optional<Integer> priority();

  /**
   * Who can see the job ({@code Accessibility}).
   *
   * @return accessibility
   */
  public abstract Optional<Accessibility> accessibility();

  /**
   * Attaches the pods to your VPC ({@code UserVpc}).
   *
   * @return VPC attachment
   */
  public abstract Optional<UserVpc> userVpc();

  /**
   * Job-level settings ({@code Settings}).
   *
   * @return settings
   */
  public abstract Optional<JobSettings> settings();

  /**
   * RAM-role credentials injected into the containers ({@code CredentialConfig}). Redacted in
   * {@code toString}.
   *
   * @return credential configuration
   */
  @Value.Redacted
  public abstract Optional<CredentialConfig> credentialConfig();

  /**
   * Python packages installed before the command runs ({@code ThirdpartyLibs}).
   *
   * @return pip requirements
   */
  public abstract List<String> thirdpartyLibs();

  /**
   * A folder holding a {@code requirements.txt} installed before the command runs ({@code
   * ThirdpartyLibDir}).
   *
   * @return folder
   */
  public abstract Optional<String> thirdpartyLibDir();

  /**
   * The role of a type, if the job has it.
   *
   * @param type role type
   * @return the role
   */
  public Optional<RoleSpec> role(RoleType type) {
    return roles().stream().filter(r -> r.type() == type).findFirst();
  }

  /**
   * Checks what a spot run with resumption needs beyond a valid job: a {@link #checkpoint()}
   * location, so a resumed attempt finds the previous attempt's checkpoints.
   *
   * @return this spec
   * @throws ValidationException naming {@code checkpoint} if no location is set
   */
  public JobSpec validateForSpotRun() {
    if (checkpoint().isEmpty()) {
      throw ValidationException.invalidField(
          "checkpoint",
          "checkpoint location required for a spot run of job \"" + displayName() + "\"",
          "set checkpoint(\"oss://bucket.endpoint/ckpt/" + displayName() + "/\", \"/mnt/ckpt/\")");
    }
    return this;
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
   * A builder initialised from this value, e.g. to add per-attempt environment variables.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * This spec as indented JSON (unset fields left out), e.g. for a portal to store and diff.
   *
   * @return JSON text
   */
  public String toJson() {
    return SpecJson.write(this);
  }

  /**
   * Reads a spec from JSON written by {@link #toJson()} or by hand, validating it like {@link
   * Builder#build()}.
   *
   * @param json JSON text
   * @return the spec
   * @throws ValidationException if the JSON is malformed or a field is missing or invalid
   */
  public static JobSpec fromJson(String json) {
    return SpecJson.read(json, JobSpec.class);
  }

  @Value.Check
  void check() {
    SpecRules.displayName(displayName());
    String job = "in job \"" + displayName() + "\"";
    SpecRules.notBlank("userCommand", userCommand(), job, "give the command every pod runs");
    JobSpecChecks.roles(this);
    JobSpecChecks.resources(this);
    SpecRules.envNames(displayName(), envs());
    JobSpecChecks.limits(this);
    JobSpecChecks.mountPaths(this);
  }

  /** Builder for {@link JobSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableJobSpec.Builder {
    Builder() {}

    /**
     * Sets where the job writes checkpoints.
     *
     * @param uri {@code oss://bucket.endpoint/path/}
     * @param mountPath absolute mount path, e.g. {@code /mnt/ckpt/}
     * @return this builder
     * @throws ValidationException if an argument is invalid
     */
    public Builder checkpoint(String uri, String mountPath) {
      checkpoint(CheckpointLocation.of(uri, mountPath));
      return this;
    }

    /**
     * Validates and builds the spec. No network call is made.
     *
     * @return the spec
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public JobSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("JobSpec", e, FIXES);
      }
    }
  }
}
