package dev.pailot.testkit;

import dev.pailot.core.Pai;
import dev.pailot.core.RetrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a mock PAI server listens and how {@link PaiMockServer} configures clients for it. Use
 * {@link #paiBuilder()} to build a client of your own, e.g. with a listener or a meter registry:
 *
 * <pre>{@code
 * try (Pai pai = endpoint.paiBuilder().meterRegistry(registry).build()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe. A client built from it is the caller's to close.
 */
public final class PaiMockEndpoint {
  private final URI baseUri;
  private final String region;
  private final RetrySettings retrySettings;

  /**
   * Describes an endpoint.
   *
   * @param baseUri the server's {@code http://host:port}
   * @param region region id for clients
   * @param retrySettings retry settings for clients
   */
  public PaiMockEndpoint(URI baseUri, String region, RetrySettings retrySettings) {
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    this.region = Objects.requireNonNull(region, "region");
    this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings");
  }

  /**
   * Fast retry settings for tests: {@code maxAttempts} attempts, 1 ms base delay, 250 ms maximum
   * delay (also the cap on a server's {@code TimeLeft} hint), no jitter, 30 s overall.
   *
   * @param maxAttempts attempts including the first, at least 1
   * @return settings
   */
  public static RetrySettings fastRetries(int maxAttempts) {
    return RetrySettings.builder()
        .maxAttempts(maxAttempts)
        .baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(250))
        .jitter(0)
        .maxDuration(Duration.ofSeconds(30))
        .build();
  }

  /**
   * The server's base URI, {@code http://localhost:<port>}.
   *
   * @return base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The region id clients are configured with.
   *
   * @return region id
   */
  public String region() {
    return region;
  }

  /**
   * The retry settings clients are configured with.
   *
   * @return retry settings
   */
  public RetrySettings retrySettings() {
    return retrySettings;
  }

  /**
   * A new builder for a client configured like the injected one: region, endpoint override for
   * every product, {@link TestCredentials#accessKey()}, retry settings and a 2 s connect timeout.
   * Change whatever the test needs before {@code build()}.
   *
   * @return a builder; the built client must be closed by the caller
   */
  public Pai.Builder paiBuilder() {
    return Pai.builder()
        .region(region)
        .credentials(TestCredentials.accessKey())
        .endpointOverride(baseUri)
        .connectTimeout(Duration.ofSeconds(2))
        .retry(retrySettings);
  }

  @Override
  public String toString() {
    return "PaiMockEndpoint{" + baseUri + ", " + region + "}";
  }
}
