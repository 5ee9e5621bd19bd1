package dev.pailot.serving.eas;

import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An EAS service group ({@code DescribeGroup}, PAI_API.md §9.1): one endpoint and token in front of
 * its services, which share traffic by release weight or instance count. The token is redacted from
 * {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class EasGroup {
  /**
   * {@code Name}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * {@code ClusterId}: the region.
   *
   * @return region, if reported
   */
  public abstract Optional<String> region();

  /**
   * {@code AccessToken} of the group endpoint. Redacted in {@link #toString()}.
   *
   * @return token, if reported
   */
  @Value.Redacted
  public abstract Optional<String> accessToken();

  /**
   * {@code InternetEndpoint}.
   *
   * @return URL, if reported
   */
  public abstract Optional<String> internetEndpoint();

  /**
   * {@code IntranetEndpoint}.
   *
   * @return URL, if reported
   */
  public abstract Optional<String> intranetEndpoint();

  /**
   * {@code TrafficMode}, e.g. {@code auto}.
   *
   * @return mode, if reported
   */
  public abstract Optional<String> trafficMode();

  /**
   * {@code QueueService} (async groups).
   *
   * @return queue service, if any
   */
  public abstract Optional<String> queueService();

  /**
   * The endpoint for a network, as {@link EasService#endpoint(EndpointNetwork)}.
   *
   * @param network the caller's network
   * @return URL, if any
   */
  public Optional<String> endpoint(EndpointNetwork network) {
    return network == EndpointNetwork.VPC
        ? intranetEndpoint().or(this::internetEndpoint)
        : internetEndpoint().or(this::intranetEndpoint);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EasGroup}. Not thread-safe. */
  public static final class Builder extends ImmutableEasGroup.Builder {
    Builder() {}
  }
}
