package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One version of a service: what {@code UpdateService} produced and {@code UpdateServiceVersion}
 * can roll back to. EAS reports it in {@code ListServiceVersions} with {@code ImageId} = version.
 *
 * @param version 1-based version number
 * @param spec the validated service JSON of this version (treat as read-only)
 * @param builtAt when it was created
 */
record ServiceVersion(int version, ServiceSpec spec, Instant builtAt) {
  /**
   * The stored JSON.
   *
   * @return config (treat as read-only)
   */
  ObjectNode config() {
    return spec.config();
  }
}
