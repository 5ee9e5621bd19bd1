package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Code checked out into every pod ({@code CodeSource}): an AIWorkspace code source (a Git
 * repository registered in the workspace) at a branch or commit. Its access token stays in
 * AIWorkspace; {@link JobSpec} still redacts this part in {@code toString}.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableCodeSourceSpec.class)
@JsonDeserialize(as = ImmutableCodeSourceSpec.class)
public abstract class CodeSourceSpec {
  /**
   * The code source id from AIWorkspace, e.g. {@code code-20210111103721-xxxxxxx} ({@code
   * CodeSourceId}). Required.
   *
   * @return code source id
   */
  public abstract String codeSourceId();

  /**
   * The branch to check out ({@code Branch}).
   *
   * @return branch
   */
  public abstract Optional<String> branch();

  /**
   * The commit to check out ({@code Commit}); pins the code like an image digest.
   *
   * @return commit
   */
  public abstract Optional<String> commit();

  /**
   * Where the code appears in the pods, absolute ({@code MountPath}); the code source's default
   * when unset.
   *
   * @return mount path
   */
  public abstract Optional<String> mountPath();

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

  @Value.Check
  void check() {
    SpecRules.notBlank(
        "codeSourceId",
        codeSourceId(),
        "on the code source",
        "give the AIWorkspace code source id");
    mountPath().ifPresent(p -> SpecRules.mountPath("code source " + codeSourceId(), p));
  }

  /** Builder for {@link CodeSourceSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableCodeSourceSpec.Builder {
    Builder() {}

    /**
     * Validates and builds. No network call is made.
     *
     * @return the code source
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public CodeSourceSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing(
            "CodeSourceSpec", e, Map.of("codeSourceId", "set codeSourceId(\"code-...\")"));
      }
    }
  }
}
