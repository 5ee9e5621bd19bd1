package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A ServiceVersion (§3.4). Its {@link #toString()} leaves out the stored config.
 *
 * @param buildTime BuildTime
 * @param imageAvailable ImageAvailable
 * @param imageId ImageId (the version number)
 * @param serviceRunnable ServiceRunnable
 * @param serviceConfig ServiceConfig
 * @param message Message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionItem(
    @JsonProperty("BuildTime") String buildTime,
    @JsonProperty("ImageAvailable") String imageAvailable,
    @JsonProperty("ImageId") Integer imageId,
    @JsonProperty("ServiceRunnable") String serviceRunnable,
    @JsonProperty("ServiceConfig") String serviceConfig,
    @JsonProperty("Message") String message) {

  @Override
  public String toString() {
    return "VersionItem[" + imageId + "]";
  }
}
