package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CreateService's body.
 *
 * @param serviceId ServiceId
 * @param serviceName ServiceName
 * @param status Status
 * @param internetEndpoint InternetEndpoint
 * @param intranetEndpoint IntranetEndpoint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateServiceResponse(
    @JsonProperty("ServiceId") String serviceId,
    @JsonProperty("ServiceName") String serviceName,
    @JsonProperty("Status") String status,
    @JsonProperty("InternetEndpoint") String internetEndpoint,
    @JsonProperty("IntranetEndpoint") String intranetEndpoint) {}
