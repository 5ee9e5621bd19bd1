package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The Service object of DescribeService and ListServices (§3.3). Its {@link #toString()} leaves out
 * the token and the stored config.
 *
 * @param serviceName ServiceName
 * @param serviceId ServiceId
 * @param status Status
 * @param reason Reason
 * @param message Message
 * @param currentVersion CurrentVersion
 * @param latestVersion LatestVersion
 * @param runningInstance RunningInstance
 * @param totalInstance TotalInstance
 * @param weight Weight
 * @param trafficState TrafficState
 * @param serviceGroup ServiceGroup
 * @param internetEndpoint InternetEndpoint
 * @param intranetEndpoint IntranetEndpoint
 * @param accessToken AccessToken
 * @param image Image
 * @param serviceConfig ServiceConfig
 * @param workspaceId WorkspaceId
 * @param autoscalerEnabled AutoscalerEnabled
 * @param labels Labels
 * @param createTime CreateTime
 * @param updateTime UpdateTime
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceItem(
    @JsonProperty("ServiceName") String serviceName,
    @JsonProperty("ServiceId") String serviceId,
    @JsonProperty("Status") String status,
    @JsonProperty("Reason") String reason,
    @JsonProperty("Message") String message,
    @JsonProperty("CurrentVersion") Integer currentVersion,
    @JsonProperty("LatestVersion") Integer latestVersion,
    @JsonProperty("RunningInstance") Integer runningInstance,
    @JsonProperty("TotalInstance") Integer totalInstance,
    @JsonProperty("Weight") Integer weight,
    @JsonProperty("TrafficState") String trafficState,
    @JsonProperty("ServiceGroup") String serviceGroup,
    @JsonProperty("InternetEndpoint") String internetEndpoint,
    @JsonProperty("IntranetEndpoint") String intranetEndpoint,
    @JsonProperty("AccessToken") String accessToken,
    @JsonProperty("Image") String image,
    @JsonProperty("ServiceConfig") String serviceConfig,
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("AutoscalerEnabled") Boolean autoscalerEnabled,
    @JsonProperty("Labels") List<LabelItem> labels,
    @JsonProperty("CreateTime") String createTime,
    @JsonProperty("UpdateTime") String updateTime) {

  @Override
  public String toString() {
    return "ServiceItem[" + serviceName + ", " + status + ", v" + currentVersion + "]";
  }
}
