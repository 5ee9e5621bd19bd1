package dev.pailot.core.workspace;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A PAI workspace as PAI reports it. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class Workspace {
  /**
   * The workspace id, e.g. {@code 12345}.
   *
   * @return id
   */
  public abstract String id();

  /**
   * The unique name.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The console display name; empty when PAI did not report one.
   *
   * @return display name
   */
  @Value.Default
  public String displayName() {
    return "";
  }

  /**
   * The description; empty when PAI did not report one.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The lifecycle state.
   *
   * @return status
   */
  public abstract WorkspaceStatus status();

  /**
   * The environments; empty when PAI did not report them (list results may omit them).
   *
   * @return environment types
   */
  public abstract Set<EnvType> envTypes();

  /**
   * When the workspace was created, if reported.
   *
   * @return creation time
   */
  public abstract Optional<Instant> createdAt();

  /**
   * When the workspace was last modified, if reported.
   *
   * @return modification time
   */
  public abstract Optional<Instant> modifiedAt();

  /**
   * The creator's user id, if reported.
   *
   * @return creator
   */
  public abstract Optional<String> creator();

  /**
   * Whether this is the account's default workspace.
   *
   * @return {@code true} for the default workspace
   */
  @Value.Default
  public boolean defaultWorkspace() {
    return false;
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
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builder for {@link Workspace}. Not thread-safe. */
  public static final class Builder extends ImmutableWorkspace.Builder {
    Builder() {}
  }
}
