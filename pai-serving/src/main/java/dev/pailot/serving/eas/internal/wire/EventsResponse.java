package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * DescribeServiceEvent's body.
 *
 * @param events Events
 * @param totalCount TotalCount
 * @param totalPageNum TotalPageNum
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventsResponse(
    @JsonProperty("Events") List<EventItem> events,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("TotalPageNum") Integer totalPageNum) {}
