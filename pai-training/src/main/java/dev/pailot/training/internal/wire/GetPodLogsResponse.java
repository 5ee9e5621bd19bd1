package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * GetPodLogs' body.
 *
 * @param jobId job id
 * @param podId pod id
 * @param podUid pod UID
 * @param logs log lines, oldest first
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetPodLogsResponse(
    @JsonProperty("JobId") String jobId,
    @JsonProperty("PodId") String podId,
    @JsonProperty("PodUid") String podUid,
    @JsonProperty("Logs") List<String> logs,
    @JsonProperty("RequestId") String requestId) {}
