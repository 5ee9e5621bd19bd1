package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Group object (§9.1). Its {@link #toString()} leaves out the token.
 *
 * @param name Name
 * @param clusterId ClusterId
 * @param accessToken AccessToken
 * @param internetEndpoint InternetEndpoint
 * @param intranetEndpoint IntranetEndpoint
 * @param trafficMode TrafficMode
 * @param queueService QueueService
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupItem(
    @JsonProperty("Name") String name,
    @JsonProperty("ClusterId") String clusterId,
    @JsonProperty("AccessToken") String accessToken,
    @JsonProperty("InternetEndpoint") String internetEndpoint,
    @JsonProperty("IntranetEndpoint") String intranetEndpoint,
    @JsonProperty("TrafficMode") String trafficMode,
    @JsonProperty("QueueService") String queueService) {

  @Override
  public String toString() {
    return "GroupItem[" + name + "]";
  }
}
