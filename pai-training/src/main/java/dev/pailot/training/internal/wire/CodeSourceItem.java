package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CodeSource}.
 *
 * @param codeSourceId AIWorkspace code source id
 * @param branch branch
 * @param commit commit
 * @param mountPath mount path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeSourceItem(
    @JsonProperty("CodeSourceId") String codeSourceId,
    @JsonProperty("Branch") String branch,
    @JsonProperty("Commit") String commit,
    @JsonProperty("MountPath") String mountPath) {}
