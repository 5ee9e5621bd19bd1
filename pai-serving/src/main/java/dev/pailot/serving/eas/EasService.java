package dev.pailot.serving.eas;

import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An EAS service as {@code DescribeService} / {@code ListServices} report it (PAI_API.md §3.3).
 * Endpoints come only from {@code DescribeService}. The access token and the stored service JSON
 * (which may hold a fixed token) are redacted from {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class EasService {
  /**
   * {@code ServiceName}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * {@code ServiceId} ({@code eas-m-...}).
   *
   * @return id, if reported
   */
  public abstract Optional<String> serviceId();

  /**
   * {@code Status}.
   *
   * @return status
   */
  public abstract ServiceStatus status();

  /**
   * {@code Reason}, e.g. {@code RUNNING}.
   *
   * @return reason, if reported
   */
  public abstract Optional<String> reason();

  /**
   * {@code Message}: why the service is in its status (the failure for {@code Failed}).
   *
   * @return message, if reported
   */
  public abstract Optional<String> message();

  /**
   * {@code CurrentVersion}: the version serving.
   *
   * @return version (0 if not reported)
   */
  public abstract int currentVersion();

  /**
   * {@code LatestVersion}: the newest version stored.
   *
   * @return version, if reported
   */
  public abstract Optional<Integer> latestVersion();

  /**
   * {@code RunningInstance}.
   *
   * @return ready instances
   */
  public abstract int runningInstance();

  /**
   * {@code TotalInstance}.
   *
   * @return desired instances
   */
  public abstract int totalInstance();

  /**
   * {@code Weight}: the release weight in its group.
   *
   * @return weight, if reported
   */
  public abstract Optional<Integer> weight();

  /**
   * {@code TrafficState}.
   *
   * @return state, if in a group
   */
  public abstract Optional<TrafficState> trafficState();

  /**
   * {@code ServiceGroup}.
   *
   * @return group, if any
   */
  public abstract Optional<String> serviceGroup();

  /**
   * {@code InternetEndpoint} (DescribeService only).
   *
   * @return endpoint URL, if reported
   */
  public abstract Optional<String> internetEndpoint();

  /**
   * {@code IntranetEndpoint} (DescribeService only).
   *
   * @return endpoint URL, if reported
   */
  public abstract Optional<String> intranetEndpoint();

  /**
   * {@code AccessToken}: the {@code Authorization} value for the endpoint. Redacted in {@link
   * #toString()}.
   *
   * @return token, if reported
   */
  @Value.Redacted
  public abstract Optional<String> accessToken();

  /**
   * {@code Image} of the current version.
   *
   * @return image, if reported
   */
  public abstract Optional<String> image();

  /**
   * {@code ServiceConfig}: the stored JSON of the current version. Redacted in {@link #toString()}.
   *
   * @return JSON, if reported
   */
  @Value.Redacted
  public abstract Optional<String> serviceConfig();

  /**
   * {@code WorkspaceId}.
   *
   * @return workspace, if any
   */
  public abstract Optional<String> workspaceId();

  /**
   * {@code AutoscalerEnabled}.
   *
   * @return whether an autoscaler is set
   */
  @Value.Default
  public boolean autoscalerEnabled() {
    return false;
  }

  /**
   * {@code Labels}.
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

  /**
   * {@code CreateTime}.
   *
   * @return time, if reported
   */
  public abstract Optional<Instant> createdAt();

  /**
   * {@code UpdateTime}.
   *
   * @return time, if reported
   */
  public abstract Optional<Instant> updatedAt();

  /**
   * The stored spec of the current version, parsed from {@link #serviceConfig()}.
   *
   * @return spec, if reported and readable
   */
  public Optional<ServiceSpec> spec() {
    try {
      return serviceConfig().map(ServiceSpec::fromJson);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The endpoint for a network: {@code PUBLIC} gives the internet endpoint, {@code VPC} the
   * intranet one (each falls back to the other when only one is reported).
   *
   * @param network the caller's network
   * @return endpoint URL, if any
   */
  public Optional<String> endpoint(EndpointNetwork network) {
    return network == EndpointNetwork.VPC
        ? intranetEndpoint().or(this::internetEndpoint)
        : internetEndpoint().or(this::intranetEndpoint);
  }

  /**
   * A new builder (for tests and fakes; the client builds these from EAS's answers).
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EasService}. Not thread-safe. */
  public static final class Builder extends ImmutableEasService.Builder {
    Builder() {}
  }
}
