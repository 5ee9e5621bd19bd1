package dev.pailot.core;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.internal.PaiRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: one configured connection to PAI in one region, shared by every Pailot client
 * ({@code NetworkClient.create(pai)}, {@code WorkspaceClient.create(pai)}, ...).
 *
 * <pre>{@code
 * try (Pai pai = Pai.builder()
 *     .region("cn-shanghai")
 *     .credentials(PaiCredentials.defaultChain())
 *     .build()) {
 *   NetworkClient network = NetworkClient.create(pai);
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per region and share it. {@link #close()} releases the HTTP
 * connections and the threads it owns; clients created from it stop working afterwards.
 */
public final class Pai implements AutoCloseable {
  static {
    PaiRuntime.registerAccessor(pai -> pai.runtime);
  }

  private final PaiConfig config;
  private final PaiCredentials credentials;
  private final PaiRuntime runtime;

  private Pai(Builder b) {
    this.config = b.config.build();
    this.credentials = b.credentials;
    this.runtime = new PaiRuntime(config, credentials, b.listener, b.meterRegistry);
  }

  /**
   * A new builder. Only {@link Builder#region(String)} is required.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The plain-data configuration.
   *
   * @return config
   */
  public PaiConfig config() {
    return config;
  }

  /**
   * The credential source (its {@code toString} is redacted).
   *
   * @return credentials
   */
  public PaiCredentials credentials() {
    return credentials;
  }

  /**
   * The region id.
   *
   * @return region
   */
  public String region() {
    return config.region();
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "Pai{" + config + ", " + credentials + "}";
  }

  /** Builds a {@link Pai}. Not thread-safe. Bad input fails with a {@link ValidationException}. */
  public static final class Builder {
    private final PaiConfig.Builder config = PaiConfig.builder();
    private PaiCredentials credentials = PaiCredentials.defaultChain();
    private PaiListener listener = PaiListener.NONE;
    private MeterRegistry meterRegistry;

    private Builder() {}

    /**
     * Region id, e.g. {@code cn-shanghai}. Required.
     *
     * @param region region id
     * @return this builder
     */
    public Builder region(String region) {
      config.region(Objects.requireNonNull(region, "region"));
      return this;
    }

    /**
     * Credential source. Default {@link PaiCredentials#defaultChain()}.
     *
     * @param credentials credentials
     * @return this builder
     */
    public Builder credentials(PaiCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Public or VPC control-plane hosts. Default public.
     *
     * @param network network
     * @return this builder
     */
    public Builder network(EndpointNetwork network) {
      config.network(Objects.requireNonNull(network, "network"));
      return this;
    }

    /**
     * Sends one product's calls to {@code baseUri} (e.g. LocalPai or WireMock) instead of its
     * Alibaba Cloud host. {@code http} is allowed here.
     *
     * @param product product
     * @param baseUri {@code scheme://host[:port]}
     * @return this builder
     */
    public Builder endpointOverride(Product product, URI baseUri) {
      config.putEndpointOverrides(product, baseUri);
      return this;
    }

    /**
     * Sends every product's calls to {@code baseUri}: the usual setting for LocalPai and WireMock.
     *
     * @param baseUri {@code scheme://host[:port]}
     * @return this builder
     */
    public Builder endpointOverride(URI baseUri) {
      for (Product p : Product.values()) {
        config.putEndpointOverrides(p, baseUri);
      }
      return this;
    }

    /**
     * TCP connect timeout. Default 5 s.
     *
     * @param timeout timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      config.connectTimeout(timeout);
      return this;
    }

    /**
     * Read timeout per attempt. Default 30 s.
     *
     * @param timeout timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      config.readTimeout(timeout);
      return this;
    }

    /**
     * Retry settings. Default {@link RetrySettings#defaults()}.
     *
     * @param retry settings
     * @return this builder
     */
    public Builder retry(RetrySettings retry) {
      config.retry(retry);
      return this;
    }

    /**
     * Text appended to Pailot's user agent, e.g. {@code my-portal/1.2}.
     *
     * @param userAgent suffix
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      config.userAgent(userAgent);
      return this;
    }

    /**
     * Receives call, retry and progress events.
     *
     * @param listener listener
     * @return this builder
     */
    public Builder listener(PaiListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Records control-plane metrics ({@code pai_control_plane_calls_seconds} by product, action,
     * outcome). Default: none.
     *
     * @param registry Micrometer registry
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = registry;
      return this;
    }

    /**
     * Validates and builds. No network call is made.
     *
     * @return the client
     * @throws ValidationException naming the field and the fix, if the configuration is invalid
     */
    public Pai build() {
      try {
        return new Pai(this);
      } catch (IllegalStateException e) {
        // Immutables reports missing mandatory attributes this way; region is the only one.
        throw ValidationException.invalidField(
            "region", "is not set", "call region(\"cn-shanghai\") or another region id");
      }
    }
  }
}
