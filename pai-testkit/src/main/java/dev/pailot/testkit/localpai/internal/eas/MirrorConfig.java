package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.internal.control.JsonBody;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Traffic mirroring of a service ({@code CreateServiceMirror}): a share of its requests is copied
 * to other services whose answers are discarded.
 *
 * @param ratio percentage of requests copied, 0 to 100
 * @param targets names of the services that receive the copies
 */
record MirrorConfig(int ratio, List<String> targets) {
  /** Copies the targets. */
  MirrorConfig {
    targets = List.copyOf(targets);
  }

  /**
   * Reads {@code {Ratio, Target[]}}. Existence of the targets is checked by the caller.
   *
   * @param body request body
   * @param source the mirrored service (may not mirror to itself)
   * @return the config
   * @throws ServiceError naming {@code Ratio} or {@code Target}
   */
  static MirrorConfig parse(JsonBody body, String source) {
    JsonNode ratio = body.node("Ratio").orElseThrow(() -> ServiceError.missing("Ratio"));
    if (!ratio.isIntegralNumber() || ratio.asInt() < 0 || ratio.asInt() > 100) {
      throw ServiceError.invalid("Ratio", "an integer from 0 to 100");
    }
    List<String> targets = body.strings("Target");
    if (targets.isEmpty()) {
      throw ServiceError.missing("Target");
    }
    if (targets.contains(source)) {
      throw ServiceError.invalid("Target", "a service cannot mirror its traffic to itself");
    }
    return new MirrorConfig(ratio.asInt(), List.copyOf(new LinkedHashSet<>(targets)));
  }
}
