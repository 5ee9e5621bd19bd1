package dev.pailot.serving.release.internal;

import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.serving.release.ReleaseEvent;
import dev.pailot.serving.release.ReleaseEventType;
import dev.pailot.serving.release.ReleaseListener;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a release's events to its listener and, as {@link ProgressEvent}s, to the {@code Pai}
 * listener. A listener that throws is logged at DEBUG and ignored. Thread-safe.
 */
public final class ReleaseEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseEvents.class);

  private final String group;
  private final String green;
  private final ReleaseListener listener;
  private final PaiListener paiListener;

  /**
   * Creates an emitter.
   *
   * @param group group name
   * @param green green service
   * @param listener the release's listener
   * @param paiListener the {@code Pai} client's listener
   */
  public ReleaseEvents(
      String group, String green, ReleaseListener listener, PaiListener paiListener) {
    this.group = group;
    this.green = green;
    this.listener = listener;
    this.paiListener = paiListener;
  }

  /**
   * Emits one event.
   *
   * @param type what happened
   * @param percent green's share of traffic
   * @param message one line
   * @param attributes extra facts
   */
  public void emit(
      ReleaseEventType type, int percent, String message, Map<String, String> attributes) {
    Instant now = Instant.now();
    ReleaseEvent event =
        ReleaseEvent.builder()
            .group(group)
            .green(green)
            .type(type)
            .stagePercent(percent)
            .message(message)
            .time(now)
            .attributes(attributes)
            .build();
    LOG.debug("release {}/{}: {} {}", group, green, type, message);
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.debug("release listener failed on {}", type, e);
    }
    try {
      paiListener.onProgress(
          ProgressEvent.builder()
              .operation(ReleaseEvent.OPERATION)
              .resource("eas-release/" + group + "/" + green)
              .phase(type.name())
              .message(message)
              .timestamp(now)
              .attributes(attributes)
              .putAttributes("stagePercent", Integer.toString(percent))
              .build());
    } catch (RuntimeException e) {
      LOG.debug("Pai listener failed on release event {}", type, e);
    }
  }
}
