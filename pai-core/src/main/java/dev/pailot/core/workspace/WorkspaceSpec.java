package dev.pailot.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.PailotStyle;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A PAI workspace and its datasets, as code: what {@link WorkspaceClient#ensure(WorkspaceSpec)}
 * makes exist. Plain data, so portals can store and diff it: {@link #toJson()} and {@link
 * #fromJson(String)} round-trip it, and any Jackson mapper with the {@code Jdk8Module} can too.
 *
 * <pre>{@code
 * WorkspaceSpec spec = WorkspaceSpec.builder()
 *     .name("llm_prod")
 *     .description("LLM fine-tuning and serving")
 *     .addEnvTypes(EnvType.DEV, EnvType.PROD)
 *     .addDatasets(train)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent to PAI.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableWorkspaceSpec.class)
@JsonDeserialize(as = ImmutableWorkspaceSpec.class)
public abstract class WorkspaceSpec {
  /** The description used when none is set. */
  public static final String DEFAULT_DESCRIPTION = "Managed by Pailot";

  private static final ObjectMapper JSON =
      PaiRuntime.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The workspace name, unique in the region: 3 to 23 letters, digits or underscores, starting with
   * a letter. This is our reading of PAI's rule (PAI does not publish an exact pattern); a name PAI
   * still rejects fails at create time with a {@link ValidationException}. Required.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The name shown in the console. Default {@link #name()}.
   *
   * @return display name
   */
  @Value.Default
  public String displayName() {
    return name();
  }

  /**
   * The description PAI requires, 1 to 80 characters. Default {@value #DEFAULT_DESCRIPTION}.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return DEFAULT_DESCRIPTION;
  }

  /**
   * The environments: {@link EnvType#PROD} alone (a basic workspace) or {@link EnvType#DEV} plus
   * {@link EnvType#PROD} (a standard workspace). Default {@code PROD} alone. Fixed at creation.
   *
   * @return environment types
   */
  @Value.Default
  public Set<EnvType> envTypes() {
    return EnumSet.of(EnvType.PROD);
  }

  /**
   * Datasets to register in the workspace, each with a distinct name.
   *
   * @return datasets
   */
  public abstract List<DatasetSpec> datasets();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * This spec as indented JSON, e.g. for a portal to store.
   *
   * @return JSON text
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("WorkspaceSpec could not be written as JSON", e);
    }
  }

  /**
   * Reads a spec from JSON written by {@link #toJson()} or by hand, validating it like {@link
   * Builder#build()}.
   *
   * @param json JSON text
   * @return the spec
   * @throws ValidationException if the JSON is malformed or a field is missing or invalid
   */
  public static WorkspaceSpec fromJson(String json) {
    try {
      return JSON.readValue(json, WorkspaceSpec.class);
    } catch (JsonProcessingException e) {
      throw SpecJson.failure(e);
    }
  }

  @Value.Check
  void check() {
    SpecRules.workspaceName(name());
    SpecRules.notBlank("displayName", displayName(), "leave it unset to use the name");
    SpecRules.workspaceDescription(description());
    if (!envTypes().contains(EnvType.PROD)) {
      throw ValidationException.invalidField(
          "envTypes",
          envTypes() + " has no PROD",
          "use [PROD] for a basic workspace or [DEV, PROD] for a standard one");
    }
    Set<String> names = new HashSet<>();
    for (DatasetSpec d : datasets()) {
      if (!names.add(d.name())) {
        throw ValidationException.invalidField(
            "datasets",
            "dataset name \"" + d.name() + "\" appears more than once",
            "give each dataset its own name");
      }
    }
  }

  /** Builder for {@link WorkspaceSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableWorkspaceSpec.Builder {
    Builder() {}

    /**
     * Validates and builds the spec. No network call is made.
     *
     * @return the spec
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public WorkspaceSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing(
            "WorkspaceSpec", e, Map.of("name", "set name(\"llm_prod\") or another workspace name"));
      }
    }
  }
}
