package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Where and how {@link DashVectorStore} reaches an Alibaba Cloud DashVector collection.
 *
 * <pre>{@code
 * DashVectorConfig config = DashVectorConfig.builder()
 *     .endpoint("vrs-cn-xxxx.dashvector.cn-hangzhou.aliyuncs.com")
 *     .apiKey(System.getenv("DASHVECTOR_API_KEY"))
 *     .collection("docs")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The API key is redacted from {@link #toString()}.
 */
@Value.Immutable
@PailotStyle
public abstract class DashVectorConfig {
  /**
   * The cluster endpoint from the DashVector console, with or without {@code https://} (a URL with
   * {@code http://} is used as given, e.g. for a local test server).
   *
   * @return the endpoint
   */
  public abstract String endpoint();

  /**
   * The API key, sent as the {@code dashvector-auth-token} header. Never logged or printed.
   *
   * @return the API key
   */
  @Value.Redacted
  public abstract String apiKey();

  /**
   * The collection name.
   *
   * @return the collection
   */
  public abstract String collection();

  /**
   * The collection's metric: {@code cosine} or {@code dotproduct} in DashVector terms.
   *
   * @return the similarity, {@link VectorSimilarity#COSINE} by default
   */
  @Value.Default
  public VectorSimilarity similarity() {
    return VectorSimilarity.COSINE;
  }

  /**
   * Timeout of one HTTP call (connect, write and read together).
   *
   * @return the timeout, 10 s by default
   */
  @Value.Default
  public Duration callTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Retries after a throttled or transient failure (every store call is idempotent).
   *
   * @return retries, 2 by default
   */
  @Value.Default
  public int maxRetries() {
    return 2;
  }

  /**
   * Documents per upsert request.
   *
   * @return batch size, 100 by default (DashVector accepts at most 1,024)
   */
  @Value.Default
  public int batchSize() {
    return 100;
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
   * A builder initialised from this config.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    StoreRules.notBlank("endpoint", endpoint());
    StoreRules.notBlank("apiKey", apiKey());
    if (!collection().matches("[A-Za-z][A-Za-z0-9_-]{0,191}")) {
      throw ValidationException.invalidField(
          "collection",
          "\"" + collection() + "\" is not a DashVector collection name",
          "start with a letter; use letters, digits, _ and - only");
    }
    if (callTimeout().isNegative() || callTimeout().isZero()) {
      throw ValidationException.invalidField(
          "callTimeout", callTimeout() + " is not positive", "use e.g. PT10S");
    }
    if (maxRetries() < 0 || maxRetries() > 10) {
      throw ValidationException.invalidField(
          "maxRetries", maxRetries() + " is outside [0, 10]", "use 2");
    }
    if (batchSize() < 1 || batchSize() > 1024) {
      throw ValidationException.invalidField(
          "batchSize", batchSize() + " is outside [1, 1024]", "use 100");
    }
  }

  /** Builder for {@link DashVectorConfig}. Not thread-safe. */
  public static final class Builder extends ImmutableDashVectorConfig.Builder {
    Builder() {}

    /**
     * Validates and builds the config.
     *
     * @return the config
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public DashVectorConfig build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw StoreRules.missing("DashVectorConfig", e);
      }
    }
  }
}
