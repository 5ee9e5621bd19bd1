package dev.pailot.core.workspace.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A workspace in GetWorkspace's body and ListWorkspaces' {@code Workspaces[]}.
 *
 * @param workspaceId id
 * @param workspaceName name
 * @param displayName display name
 * @param description description
 * @param status status text
 * @param envTypes environment types ({@code dev}, {@code prod})
 * @param gmtCreateTime ISO-8601 creation time
 * @param gmtModifiedTime ISO-8601 modification time
 * @param creator creator user id
 * @param isDefault whether it is the default workspace
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceItem(
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("WorkspaceName") String workspaceName,
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("Description") String description,
    @JsonProperty("Status") String status,
    @JsonProperty("EnvTypes") List<String> envTypes,
    @JsonProperty("GmtCreateTime") String gmtCreateTime,
    @JsonProperty("GmtModifiedTime") String gmtModifiedTime,
    @JsonProperty("Creator") String creator,
    @JsonProperty("IsDefault") Boolean isDefault) {}
