package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container health probe ({@code health_check}, {@code liveness_check}, {@code readiness_check}
 * or {@code startup_check} under {@code containers[]}): an HTTP GET, a TCP connect or a command,
 * with Kubernetes-style timing keys ({@code initial_delay_seconds}, {@code period_seconds}, {@code
 * timeout_seconds}, {@code failure_threshold}, {@code success_threshold}). PAI documents the probe
 * kinds but not every key name (PAI_API.md §3.2, UNCONFIRMED); keys Pailot does not model stay in
 * {@link #extra()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ProbeSpec {
  /**
   * {@code http_get.path}: an HTTP probe's path (2xx-3xx is healthy).
   *
   * @return path, if an HTTP probe
   */
  public abstract Optional<String> httpGetPath();

  /**
   * {@code http_get.port}.
   *
   * @return port, if set
   */
  public abstract Optional<Integer> httpGetPort();

  /**
   * {@code tcp_socket.port}: a TCP probe's port.
   *
   * @return port, if a TCP probe
   */
  public abstract Optional<Integer> tcpSocketPort();

  /**
   * {@code exec.command}: a command probe.
   *
   * @return command words; empty if not a command probe
   */
  public abstract List<String> execCommand();

  /**
   * {@code initial_delay_seconds}: how long after start the first probe runs.
   *
   * @return delay, if set
   */
  public abstract Optional<Duration> initialDelay();

  /**
   * {@code period_seconds}.
   *
   * @return period, if set
   */
  public abstract Optional<Duration> period();

  /**
   * {@code timeout_seconds}.
   *
   * @return timeout, if set
   */
  public abstract Optional<Duration> timeout();

  /**
   * {@code failure_threshold}.
   *
   * @return threshold, if set
   */
  public abstract Optional<Integer> failureThreshold();

  /**
   * Every other key of the probe. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * An HTTP GET probe.
   *
   * @param path e.g. {@code /health}
   * @param port container port
   * @param initialDelay delay before the first probe
   * @return the probe
   */
  public static ProbeSpec httpGet(String path, int port, Duration initialDelay) {
    return builder().httpGetPath(path).httpGetPort(port).initialDelay(initialDelay).build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    SpecRules.range("probe.http_get.port", httpGetPort(), 1, 65535);
    SpecRules.range("probe.tcp_socket.port", tcpSocketPort(), 1, 65535);
    SpecRules.range("probe.failure_threshold", failureThreshold(), 1, 1000);
    for (Optional<Duration> d : List.of(initialDelay(), period(), timeout())) {
      if (d.isPresent() && d.get().isNegative()) {
        throw ValidationException.invalidField(
            "probe timing", d.get() + " is negative", "use zero or more seconds");
      }
    }
    httpGetPath()
        .filter(p -> !p.startsWith("/"))
        .ifPresent(
            p -> {
              throw ValidationException.invalidField(
                  "probe.http_get.path", "\"" + p + "\" does not start with /", "e.g. /health");
            });
  }

  /** Builder for {@link ProbeSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableProbeSpec.Builder {
    Builder() {}
  }
}
