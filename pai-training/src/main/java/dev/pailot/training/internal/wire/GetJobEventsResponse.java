package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * GetJobEvents' body.
 *
 * @param jobId job id
 * @param events event lines
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetJobEventsResponse(
    @JsonProperty("JobId") String jobId,
    @JsonProperty("Events") List<String> events,
    @JsonProperty("RequestId") String requestId) {}
