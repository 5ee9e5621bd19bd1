package dev.pailot.core;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The plain-data part of a {@link Pai} client's configuration: region, network, endpoint overrides,
 * timeouts, retries and user agent. Immutable and thread-safe; safe to log.
 */
@Value.Immutable
@PailotStyle
public abstract class PaiConfig {
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  /**
   * Region id, e.g. {@code cn-shanghai}.
   *
   * @return region
   */
  public abstract String region();

  /**
   * Public or VPC control-plane hosts. Default {@link EndpointNetwork#PUBLIC}.
   *
   * @return network
   */
  @Value.Default
  public EndpointNetwork network() {
    return EndpointNetwork.PUBLIC;
  }

  /**
   * Per-product endpoint overrides (scheme, host and port), e.g. LocalPai or WireMock. Plain {@code
   * http} is allowed only here.
   *
   * @return overrides
   */
  public abstract Map<Product, URI> endpointOverrides();

  /**
   * TCP connect timeout. Default 5 s.
   *
   * @return timeout
   */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(5);
  }

  /**
   * Read timeout per attempt. Default 30 s.
   *
   * @return timeout
   */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * Retry settings. Default {@link RetrySettings#defaults()}.
   *
   * @return retry settings
   */
  @Value.Default
  public RetrySettings retry() {
    return RetrySettings.defaults();
  }

  /**
   * Extra user-agent text appended to Pailot's own, e.g. {@code my-portal/1.2}.
   *
   * @return user agent suffix, possibly empty
   */
  @Value.Default
  public String userAgent() {
    return "";
  }

  /**
   * The base URI for a product: its override, or {@code https://} plus the region's host.
   *
   * @param product the product
   * @return scheme, host and optional port
   */
  public URI endpoint(Product product) {
    URI override = endpointOverrides().get(product);
    return override != null ? override : URI.create("https://" + product.host(region(), network()));
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
    if (region().isBlank()) {
      throw ValidationException.invalidField(
          "region", "is empty", "set a region id such as cn-shanghai");
    }
    if (!REGION.matcher(region()).matches()) {
      throw ValidationException.invalidField(
          "region",
          "\"" + region() + "\" is not a region id",
          "use a region id such as cn-shanghai or ap-southeast-1");
    }
    endpointOverrides().forEach(PaiConfig::checkOverride);
    if (connectTimeout().isNegative() || connectTimeout().isZero()) {
      throw ValidationException.invalidField("connectTimeout", "must be positive", "use e.g. 5s");
    }
    if (readTimeout().isNegative() || readTimeout().isZero()) {
      throw ValidationException.invalidField("readTimeout", "must be positive", "use e.g. 30s");
    }
  }

  private static void checkOverride(Product product, URI uri) {
    String scheme = uri.getScheme();
    boolean ok =
        ("http".equals(scheme) || "https".equals(scheme))
            && uri.getHost() != null
            && (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()));
    if (!ok) {
      throw ValidationException.invalidField(
          "endpointOverride[" + product + "]",
          "\"" + uri + "\" is not a base URI",
          "use scheme://host[:port] with no path, e.g. http://localhost:8080");
    }
  }

  /** Builder for {@link PaiConfig}. Not thread-safe. Missing region fails at {@code build()}. */
  public static final class Builder extends ImmutablePaiConfig.Builder {
    Builder() {}
  }
}
