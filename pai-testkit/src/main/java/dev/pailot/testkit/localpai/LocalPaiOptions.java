package dev.pailot.testkit.localpai;

import dev.pailot.core.PaiCredentials;
import dev.pailot.core.internal.PailotStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a {@link LocalPai} emulator is started: bind address and port, the credentials it accepts,
 * its region, how fast emulated time runs, and the seed for injected faults. Immutable and
 * thread-safe; {@code toString} never shows the secret.
 *
 * <pre>{@code
 * LocalPaiOptions options = LocalPaiOptions.builder()
 *     .port(0)                                   // a free port
 *     .timeScale(Duration.ofMillis(10))          // one emulated minute = 10 ms
 *     .build();
 * }</pre>
 */
@Value.Immutable
@PailotStyle
public abstract class LocalPaiOptions {
  /** The AccessKey id LocalPai accepts unless told otherwise. */
  public static final String DEFAULT_ACCESS_KEY_ID = "LTAI5tLocalPaiTestKey";

  /** The AccessKey secret LocalPai accepts unless told otherwise. A test value, not a secret. */
  public static final String DEFAULT_ACCESS_KEY_SECRET = "LocalPaiTestSecretDoNotUseInProd0";

  /**
   * The address to bind. Default {@code 127.0.0.1}: LocalPai is for one machine.
   *
   * @return bind address
   */
  @Value.Default
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The TCP port; 0 picks a free one. Default 0.
   *
   * @return port
   */
  @Value.Default
  public int port() {
    return 0;
  }

  /**
   * The AccessKey id that requests must be signed with. Default {@link #DEFAULT_ACCESS_KEY_ID}.
   *
   * @return AccessKey id
   */
  @Value.Default
  public String accessKeyId() {
    return DEFAULT_ACCESS_KEY_ID;
  }

  /**
   * The AccessKey secret for {@link #accessKeyId()}. Default {@link #DEFAULT_ACCESS_KEY_SECRET}.
   *
   * @return AccessKey secret
   */
  @Value.Default
  @Value.Redacted
  public String accessKeySecret() {
    return DEFAULT_ACCESS_KEY_SECRET;
  }

  /**
   * More credentials to accept: further AccessKey pairs or STS triples ({@link
   * PaiCredentials#sts}); an STS request must carry the matching {@code x-acs-security-token}.
   *
   * @return extra credentials, {@link PaiCredentials.Kind#DEFAULT_CHAIN} not allowed
   */
  public abstract List<PaiCredentials> additionalCredentials();

  /**
   * The one region this emulator serves; requests naming another region fail as on Alibaba Cloud.
   * Default {@code cn-shanghai}.
   *
   * @return region id
   */
  @Value.Default
  public String region() {
    return "cn-shanghai";
  }

  /**
   * Real time that stands for one emulated minute: resources that take minutes on Alibaba Cloud
   * (VPC {@code Pending}, workspace {@code INITIALIZING}) take that many of these. Default 100 ms.
   *
   * @return duration of an emulated minute
   */
  @Value.Default
  public Duration timeScale() {
    return Duration.ofMillis(100);
  }

  /**
   * Seed for the random choices of injected faults, so a run with ratios is repeatable. Default 42.
   *
   * @return seed
   */
  @Value.Default
  public long randomSeed() {
    return 42L;
  }

  /**
   * The account id reported as creator/owner of resources. Default {@code 1000000000000001}.
   *
   * @return account id
   */
  @Value.Default
  public String accountId() {
    return "1000000000000001";
  }

  /**
   * How far {@code x-acs-date} may be from LocalPai's clock. Default 15 minutes, as on Alibaba
   * Cloud.
   *
   * @return allowed clock skew
   */
  @Value.Default
  public Duration maxClockSkew() {
    return Duration.ofMinutes(15);
  }

  /**
   * Netty event-loop threads serving connections. Default 2.
   *
   * @return thread count
   */
  @Value.Default
  public int ioThreads() {
    return 2;
  }

  /**
   * Directory that keeps the emulator's resources between runs: restored at start, written every
   * 250 ms when something changed and once more on {@link LocalPai#close()}. Empty (the default)
   * keeps everything in memory.
   *
   * @return state directory
   */
  public abstract Optional<Path> stateDirectory();

  /**
   * Directory behind emulated storage: {@code oss://bucket/prefix} is the local directory {@code
   * <dataDirectory>/oss/bucket/prefix} (DLC checkpoints land there). Default: a new temporary
   * directory, deleted when LocalPai closes; a directory given here is kept.
   *
   * @return data directory
   */
  public abstract Optional<Path> dataDirectory();

  /**
   * How DLC training jobs are emulated: capacity, phase durations, training speed. Default {@link
   * LocalPaiDlcOptions#defaults()}.
   *
   * @return DLC options
   */
  @Value.Default
  public LocalPaiDlcOptions dlc() {
    return LocalPaiDlcOptions.defaults();
  }

  /**
   * The defaults.
   *
   * @return default options
   */
  public static LocalPaiOptions defaults() {
    return builder().build();
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
    if (port() < 0 || port() > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port());
    }
    if (accessKeyId().isBlank() || accessKeySecret().isBlank()) {
      throw new IllegalArgumentException("accessKeyId and accessKeySecret must not be blank");
    }
    if (timeScale().isNegative() || timeScale().isZero()) {
      throw new IllegalArgumentException("timeScale must be positive, e.g. 100 ms");
    }
    if (ioThreads() < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1");
    }
    if (!region().matches("[a-z]{2,}(-[a-z0-9]+)+")) {
      throw new IllegalArgumentException("region must be a region id such as cn-shanghai");
    }
    for (PaiCredentials c : additionalCredentials()) {
      if (c.kind() == PaiCredentials.Kind.DEFAULT_CHAIN) {
        throw new IllegalArgumentException(
            "additionalCredentials takes PaiCredentials.accessKey(..) or sts(..), not defaultChain()");
      }
    }
  }

  /** Builder for {@link LocalPaiOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableLocalPaiOptions.Builder {
    Builder() {}
  }
}
