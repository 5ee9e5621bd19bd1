package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ListWorkspaces' body.
 *
 * @param workspaces the page's workspaces
 * @param totalCount total matching workspaces
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListWorkspacesResponse(
    @JsonProperty("Workspaces") List<WorkspaceItem> workspaces,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("RequestId") String requestId) {}
