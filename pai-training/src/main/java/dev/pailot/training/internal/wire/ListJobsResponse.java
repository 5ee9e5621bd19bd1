package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ListJobs' body.
 *
 * @param jobs the page's jobs
 * @param totalCount total matching jobs
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListJobsResponse(
    @JsonProperty("Jobs") List<JobItem> jobs,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("RequestId") String requestId) {}
