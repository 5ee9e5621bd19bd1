package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CreateWorkspace's body. AIWorkspace has no {@code ClientToken}, so this create is not idempotent.
 *
 * @param workspaceName name
 * @param displayName display name
 * @param description description (required, up to 80 characters)
 * @param envTypes {@code ["prod"]} or {@code ["dev","prod"]}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWorkspaceRequest(
    @JsonProperty("WorkspaceName") String workspaceName,
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("Description") String description,
    @JsonProperty("EnvTypes") List<String> envTypes) {}
