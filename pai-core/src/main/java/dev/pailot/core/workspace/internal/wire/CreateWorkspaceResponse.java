package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CreateWorkspace's body.
 *
 * @param workspaceId the new workspace's id
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateWorkspaceResponse(
    @JsonProperty("WorkspaceId") String workspaceId, @JsonProperty("RequestId") String requestId) {}
