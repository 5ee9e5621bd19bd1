package dev.pailot.testkit.stubs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * An EAS service as {@code DescribeService} and {@code ListServices} report it (PAI_API.md §3.3).
 * Create with {@link #of(String, String)}; immutable and thread-safe, the {@code with*} methods
 * return copies.
 *
 * @param name service name
 * @param status e.g. {@code Creating}, {@code Running}, {@code Failed}
 * @param currentVersion {@code CurrentVersion}
 * @param latestVersion {@code LatestVersion}
 * @param instances {@code TotalInstance} (and {@code RunningInstance} when Running)
 * @param endpoint {@code InternetEndpoint} and {@code IntranetEndpoint}
 * @param accessToken {@code AccessToken}
 * @param image {@code Image}
 * @param serviceConfig {@code ServiceConfig} JSON text
 * @param group {@code ServiceGroup}, empty for none
 * @param weight {@code Weight}
 * @param trafficState {@code TrafficState}
 * @param message {@code Message}
 */
public record EasServiceFixture(
    String name,
    String status,
    int currentVersion,
    int latestVersion,
    int instances,
    String endpoint,
    String accessToken,
    String image,
    String serviceConfig,
    String group,
    int weight,
    String trafficState,
    String message) {

  /**
   * Checks the required fields.
   *
   * @param name service name
   * @param status status
   * @param currentVersion current version
   * @param latestVersion latest version
   * @param instances instances
   * @param endpoint endpoint
   * @param accessToken token
   * @param image image
   * @param serviceConfig config JSON
   * @param group group
   * @param weight weight
   * @param trafficState traffic state
   * @param message message
   */
  public EasServiceFixture {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }

  /**
   * A one-instance service at version 1 with an endpoint on {@code example.invalid} and a token.
   *
   * @param name service name
   * @param status status
   * @return the fixture
   */
  public static EasServiceFixture of(String name, String status) {
    return new EasServiceFixture(
        name,
        status,
        1,
        1,
        1,
        "http://123.cn-shanghai.pai-eas.aliyuncs.com/api/predict/" + name,
        "token-" + name,
        "registry.example/" + name + ":1.0.0",
        "{\"metadata\":{\"name\":\""
            + name
            + "\",\"instance\":1},\"cloud\":{\"computing\":{\"instance_type\":"
            + "\"ecs.gn7i-c8g1.2xlarge\"}},\"containers\":[{\"image\":\"registry.example/"
            + name
            + ":1.0.0\",\"port\":8000}]}",
        "",
        0,
        "standalone",
        "Service is now " + status.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A copy with this status (and the matching message).
   *
   * @param newStatus status
   * @return copy
   */
  public EasServiceFixture withStatus(String newStatus) {
    return copy(
        c -> {
          c.status = newStatus;
          c.message = "Service is now " + newStatus.toLowerCase(java.util.Locale.ROOT);
        });
  }

  /**
   * A copy with these versions.
   *
   * @param current {@code CurrentVersion}
   * @param latest {@code LatestVersion}
   * @return copy
   */
  public EasServiceFixture withVersions(int current, int latest) {
    return copy(
        c -> {
          c.currentVersion = current;
          c.latestVersion = latest;
        });
  }

  /**
   * A copy with this endpoint (e.g. a test server's URL).
   *
   * @param newEndpoint endpoint URL
   * @return copy
   */
  public EasServiceFixture withEndpoint(String newEndpoint) {
    return copy(c -> c.endpoint = newEndpoint);
  }

  /**
   * A copy with this image and stored config.
   *
   * @param newImage {@code Image}
   * @param newConfig {@code ServiceConfig} JSON text
   * @return copy
   */
  public EasServiceFixture withConfig(String newImage, String newConfig) {
    return copy(
        c -> {
          c.image = newImage;
          c.serviceConfig = newConfig;
        });
  }

  /**
   * A copy in a group.
   *
   * @param newGroup group name
   * @param newWeight release weight
   * @param newTrafficState {@code grouping} or {@code standalone}
   * @return copy
   */
  public EasServiceFixture inGroup(String newGroup, int newWeight, String newTrafficState) {
    return copy(
        c -> {
          c.group = newGroup;
          c.weight = newWeight;
          c.trafficState = newTrafficState;
        });
  }

  /**
   * A copy with this message (e.g. the failure of a {@code Failed} service).
   *
   * @param newMessage message
   * @return copy
   */
  public EasServiceFixture withMessage(String newMessage) {
    return copy(c -> c.message = newMessage);
  }

  @Override
  public String toString() {
    return "EasServiceFixture[" + name + ", " + status + ", v" + currentVersion + "]";
  }

  /** A copy of this fixture with the fields {@code change} sets. */
  private EasServiceFixture copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new EasServiceFixture(
        f.name,
        f.status,
        f.currentVersion,
        f.latestVersion,
        f.instances,
        f.endpoint,
        f.accessToken,
        f.image,
        f.serviceConfig,
        f.group,
        f.weight,
        f.trafficState,
        f.message);
  }

  /** The record's fields, settable, for the {@code with*} copies. */
  private static final class Fields {
    final String name;
    String status;
    int currentVersion;
    int latestVersion;
    final int instances;
    String endpoint;
    final String accessToken;
    String image;
    String serviceConfig;
    String group;
    int weight;
    String trafficState;
    String message;

    Fields(EasServiceFixture r) {
      name = r.name;
      status = r.status;
      currentVersion = r.currentVersion;
      latestVersion = r.latestVersion;
      instances = r.instances;
      endpoint = r.endpoint;
      accessToken = r.accessToken;
      image = r.image;
      serviceConfig = r.serviceConfig;
      group = r.group;
      weight = r.weight;
      trafficState = r.trafficState;
      message = r.message;
    }
  }
}
