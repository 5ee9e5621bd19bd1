package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ListServices' body.
 *
 * @param services Services
 * @param totalCount TotalCount
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListServicesResponse(
    @JsonProperty("Services") List<ServiceItem> services,
    @JsonProperty("TotalCount") Integer totalCount) {}
