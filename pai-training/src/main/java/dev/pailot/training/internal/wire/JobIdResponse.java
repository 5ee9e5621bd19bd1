package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of CreateJob, StopJob and DeleteJob: {@code {"JobId", "RequestId"}}.
 *
 * @param jobId job id
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobIdResponse(
    @JsonProperty("JobId") String jobId, @JsonProperty("RequestId") String requestId) {}
