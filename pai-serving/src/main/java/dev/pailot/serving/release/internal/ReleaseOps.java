package dev.pailot.serving.release.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The EAS operations one release needs, for one group and one green spec. The production
 * implementation goes through {@code EasClient}; tests may use an in-memory one. Implementations
 * must be thread-safe.
 */
public interface ReleaseOps {
  /**
   * Reads a service.
   *
   * @param name service name
   * @return the service, empty if it does not exist
   */
  Optional<ServiceSnapshot> find(String name);

  /**
   * Sets a group member's traffic state and release weight ({@code ReleaseService}).
   *
   * @param name service name
   * @param standalone true to take it out of group traffic
   * @param weight release weight
   */
  void release(String name, boolean standalone, int weight);

  /**
   * Creates green in the group, standalone, with the given labels, and returns without waiting.
   *
   * @param labels labels to set on create
   */
  void createGreen(Map<String, String> labels);

  /**
   * Waits until green is {@code Running} and answers on its own endpoint, and checks that the live
   * version is the one requested.
   *
   * @param timeout how long to wait
   */
  void awaitGreen(Duration timeout);

  /**
   * Stops a service.
   *
   * @param name service name
   */
  void stop(String name);

  /**
   * Deletes a service.
   *
   * @param name service name
   */
  void delete(String name);

  /**
   * Mirrors a share of blue's requests to green ({@code CreateServiceMirror}, or {@code
   * UpdateServiceMirror} when blue already mirrors).
   *
   * @param blue the mirrored service
   * @param percent share of requests, 1 to 100
   * @param green the target
   */
  void mirror(String blue, int percent, String green);

  /**
   * Stops mirroring blue's requests ({@code DeleteServiceMirror}); no error when none.
   *
   * @param blue the mirrored service
   */
  void stopMirror(String blue);

  /**
   * A service's own endpoint and token.
   *
   * @param name service name
   * @return endpoint
   */
  Endpoint endpoint(String name);

  /**
   * A data-plane endpoint.
   *
   * @param url the endpoint URL
   * @param token its access token
   */
  record Endpoint(String url, String token) {
    @Override
    public String toString() {
      return "Endpoint[url=" + url + ", token=****]";
    }
  }
}
