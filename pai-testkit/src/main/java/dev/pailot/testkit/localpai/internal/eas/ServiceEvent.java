package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One entry of {@code DescribeServiceEvent}.
 *
 * @param time when it happened
 * @param type {@code Normal} or {@code Warning}
 * @param reason short reason, e.g. {@code Running}, {@code Updating}, {@code InstanceRestarted}
 * @param resource {@code Service} or {@code Pod}
 * @param instance the instance name for {@code Pod} events, empty for service events
 * @param message message text (EAS sends a JSON string here)
 */
record ServiceEvent(
    Instant time, String type, String reason, String resource, String instance, String message) {
  /** EAS's event time format: UTC, {@code 2006-01-02 15:04:05}. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /**
   * A service event message as EAS writes it: a JSON string with the instance counts.
   *
   * @param s the service
   * @param text what happened
   * @param now now, for readiness
   * @return the message
   */
  static String message(EasService s, String text, Instant now) {
    long ready = s.readyCurrent(now);
    return JsonNodeFactory.instance
        .objectNode()
        .put("message", text)
        .put("availableInstance", ready)
        .put("unavailableInstance", Math.max(0, s.desired - ready))
        .toString();
  }

  static ServiceEvent normal(Instant time, String reason, String message) {
    return new ServiceEvent(time, "Normal", reason, "Service", "", message);
  }

  static ServiceEvent warning(Instant time, String reason, String message) {
    return new ServiceEvent(time, "Warning", reason, "Service", "", message);
  }

  static ServiceEvent pod(Instant time, String type, String reason, String instance, String msg) {
    return new ServiceEvent(time, type, reason, "Pod", instance, msg);
  }
}
