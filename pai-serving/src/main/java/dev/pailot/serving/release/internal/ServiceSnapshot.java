package dev.pailot.serving.release.internal;

import java.util.Map;
import java.util.Optional;

/**
 * What the release controller reads about one EAS service: plain data from DescribeService, no
 * secrets.
 *
 * @param name service name
 * @param status EAS status, e.g. {@code Running}
 * @param group service group, empty when none
 * @param standalone whether it takes no group traffic ({@code TrafficState=standalone})
 * @param weight release weight (0 when unset)
 * @param version current version
 * @param labels labels
 */
public record ServiceSnapshot(
    String name,
    String status,
    Optional<String> group,
    boolean standalone,
    int weight,
    int version,
    Map<String, String> labels) {
  /** Copies the labels. */
  public ServiceSnapshot {
    labels = Map.copyOf(labels);
  }

  /**
   * Whether EAS reports the service {@code Running}.
   *
   * @return running
   */
  public boolean running() {
    return status.equals("Running");
  }

  /**
   * Whether EAS reports the service {@code Stopped}.
   *
   * @return stopped
   */
  public boolean stopped() {
    return status.equals("Stopped") || status.equals("Stopping");
  }
}
