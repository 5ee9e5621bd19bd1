package dev.pailot.testkit.stubs;

import java.util.List;
import java.util.Objects;

/**
 * An AIWorkspace workspace as {@code GetWorkspace} and {@code ListWorkspaces} report it. Create
 * with {@link Fixtures#workspace}; immutable and thread-safe, the {@code with*} methods return
 * copies.
 *
 * @param workspaceId e.g. {@code 12345}
 * @param workspaceName name
 * @param status {@code ENABLED}, {@code INITIALIZING}, {@code FAILURE}, {@code DISABLED}, {@code
 *     FROZEN} or {@code UPDATING}
 * @param description description
 * @param envTypes {@code [prod]} (basic) or {@code [dev, prod]} (standard)
 * @param isDefault whether it is the account's default workspace
 */
public record WorkspaceFixture(
    String workspaceId,
    String workspaceName,
    String status,
    String description,
    List<String> envTypes,
    boolean isDefault) {

  /**
   * Validates and copies the list.
   *
   * @param workspaceId e.g. {@code 12345}
   * @param workspaceName name
   * @param status {@code ENABLED}, {@code INITIALIZING}, {@code FAILURE}, {@code DISABLED}, {@code
   *     FROZEN} or {@code UPDATING}
   * @param description description
   * @param envTypes {@code [prod]} (basic) or {@code [dev, prod]} (standard)
   * @param isDefault whether it is the account's default workspace
   */
  public WorkspaceFixture {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(workspaceName, "workspaceName");
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description;
    envTypes = List.copyOf(envTypes);
  }

  /**
   * A copy with this status.
   *
   * @param newStatus status
   * @return copy
   */
  public WorkspaceFixture withStatus(String newStatus) {
    return new WorkspaceFixture(
        workspaceId, workspaceName, newStatus, description, envTypes, isDefault);
  }

  /**
   * A copy with these environment types.
   *
   * @param types e.g. {@code "dev", "prod"}
   * @return copy
   */
  public WorkspaceFixture withEnvTypes(String... types) {
    return new WorkspaceFixture(
        workspaceId, workspaceName, status, description, List.of(types), isDefault);
  }

  /**
   * A copy with this description.
   *
   * @param text description
   * @return copy
   */
  public WorkspaceFixture withDescription(String text) {
    return new WorkspaceFixture(workspaceId, workspaceName, status, text, envTypes, isDefault);
  }
}
