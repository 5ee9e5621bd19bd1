package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * CreateJob's body (PAI_API.md §2.2). DLC has no {@code ClientToken}: this create is not
 * idempotent.
 *
 * @param displayName job name
 * @param jobType job type
 * @param workspaceId workspace id
 * @param description description
 * @param jobSpecs roles
 * @param resourceId resource group or quota
 * @param userCommand command
 * @param envs environment variables
 * @param dataSources mounted data (and the checkpoint location)
 * @param codeSource code source
 * @param jobMaxRunningTimeMinutes wall-clock limit
 * @param priority priority 1-9
 * @param accessibility PUBLIC or PRIVATE
 * @param userVpc VPC attachment
 * @param settings job settings
 * @param credentialConfig credential injection
 * @param thirdpartyLibs pip packages
 * @param thirdpartyLibDir requirements folder
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CreateJobRequest(
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("JobType") String jobType,
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("Description") String description,
    @JsonProperty("JobSpecs") List<JobSpecItem> jobSpecs,
    @JsonProperty("ResourceId") String resourceId,
    @JsonProperty("UserCommand") String userCommand,
    @JsonProperty("Envs") Map<String, String> envs,
    @JsonProperty("DataSources") List<DataSourceItem> dataSources,
    @JsonProperty("CodeSource") CodeSourceItem codeSource,
    @JsonProperty("JobMaxRunningTimeMinutes") Long jobMaxRunningTimeMinutes,
    @JsonProperty("Priority") Integer priority,
    @JsonProperty("Accessibility") String accessibility,
    @JsonProperty("UserVpc") UserVpcItem userVpc,
    @JsonProperty("Settings") SettingsItem settings,
    @JsonProperty("CredentialConfig") CredentialConfigItem credentialConfig,
    @JsonProperty("ThirdpartyLibs") List<String> thirdpartyLibs,
    @JsonProperty("ThirdpartyLibDir") String thirdpartyLibDir) {}
