package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;

/**
 * One line of {@code GetJobEvents}. DLC returns events as plain strings; the shape {@code <time>
 * <Normal|Warning> <Reason> <message>} is our reading, modelled on Kubernetes events.
 *
 * @param time when it happened
 * @param type {@code Normal} or {@code Warning}
 * @param reason short CamelCase reason, e.g. {@code SpotInstanceReclaimed}
 * @param message what happened
 */
record JobEvent(Instant time, String type, String reason, String message) {
  /** The event as DLC returns it. */
  String render() {
    return Emulation.seconds(time) + " " + type + " " + reason + " " + message;
  }
}
