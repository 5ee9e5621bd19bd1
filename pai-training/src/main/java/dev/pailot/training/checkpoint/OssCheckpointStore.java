package dev.pailot.training.checkpoint;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.error.ValidationException;
import dev.pailot.training.checkpoint.internal.OssCredentialsBridge;
import dev.pailot.training.checkpoint.internal.OssLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A checkpoint store on OSS, read with the Alibaba Cloud OSS Java SDK ({@code
 * com.aliyun.oss:aliyun-sdk-oss}) through {@code ListObjectsV2} only: one listing with delimiter
 * {@code /} finds the {@code step-N/} directories under the prefix (paged with continuation
 * tokens), and one listing per directory, asked for the marker key with {@code max-keys=1}, tells
 * whether it is complete and when the marker was written. {@link #newestComplete()} checks markers
 * from the newest directory down and stops at the first complete one.
 *
 * <pre>{@code
 * try (OssCheckpointStore store = OssCheckpointStore.builder()
 *     .uri("oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/sft-01/")
 *     .credentials(pai.credentials())
 *     .build()) {
 *   Optional<Checkpoint> newest = store.newestComplete();
 * }
 * }</pre>
 *
 * <p>The endpoint is the one in the URI ({@code bucket.<endpoint>/...}, DLC's form), else {@code
 * https://oss-<region>.aliyuncs.com} for {@link Builder#region(String)}, unless {@link
 * Builder#endpoint(String)} overrides it (an {@code -internal} endpoint is reachable only from
 * inside Alibaba Cloud: outside, override it with the public one). The credentials need {@code
 * oss:ListObjects} on the bucket.
 *
 * <p>Thread-safe. A store built with {@link Builder#credentials(PaiCredentials)} owns its OSS
 * client and shuts it down in {@link #close()}; one given a client with {@link Builder#client(OSS)}
 * leaves it to the caller.
 */
public final class OssCheckpointStore implements CheckpointStore {
  private final OSS oss;
  private final boolean ownsClient;
  private final OssLocation location;
  private final CheckpointLayout layout;
  private final int pageSize;

  private OssCheckpointStore(Builder b, OSS oss, boolean ownsClient) {
    this.oss = oss;
    this.ownsClient = ownsClient;
    this.location = b.location;
    this.layout = b.layout;
    this.pageSize = b.pageSize;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String location() {
    return location.uri();
  }

  /**
   * {@inheritDoc}
   *
   * @throws CheckpointStoreException if OSS refuses or cannot be reached; the message names the
   *     location, OSS's error code and request id
   */
  @Override
  public List<Checkpoint> list() {
    List<Checkpoint> out = new ArrayList<>();
    for (long step : steps()) {
      out.add(checkpoint(step));
    }
    out.sort(Comparator.comparingLong(Checkpoint::step));
    return out;
  }

  /**
   * {@inheritDoc} Checks markers from the newest directory down, so it usually asks OSS twice.
   *
   * @throws CheckpointStoreException if OSS refuses or cannot be reached
   */
  @Override
  public Optional<Checkpoint> newestComplete() {
    for (long step : steps().descendingSet()) {
      Checkpoint c = checkpoint(step);
      if (c.complete()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Shuts down the OSS client if this store created it. Idempotent. */
  @Override
  public void close() {
    if (ownsClient) {
      oss.shutdown();
    }
  }

  private TreeSet<Long> steps() {
    TreeSet<Long> steps = new TreeSet<>();
    String token = null;
    do {
      ListObjectsV2Request request =
          new ListObjectsV2Request(location.bucket())
              .withPrefix(location.prefix())
              .withDelimiter("/")
              .withMaxKeys(pageSize)
              .withContinuationToken(token);
      ListObjectsV2Result page = call(() -> oss.listObjectsV2(request));
      for (String common : page.getCommonPrefixes()) {
        String name = common.substring(location.prefix().length());
        name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        OptionalLong step = layout.stepOf(name);
        step.ifPresent(steps::add);
      }
      token = page.isTruncated() ? page.getNextContinuationToken() : null;
    } while (token != null && !token.isEmpty());
    return steps;
  }

  private Checkpoint checkpoint(long step) {
    String dir = location.prefix() + layout.directoryName(step) + "/";
    String marker = dir + layout.marker();
    ListObjectsV2Request request =
        new ListObjectsV2Request(location.bucket()).withPrefix(marker).withMaxKeys(1);
    Optional<Instant> completed =
        call(() -> oss.listObjectsV2(request)).getObjectSummaries().stream()
            .filter(s -> s.getKey().equals(marker))
            .findFirst()
            .map(OssCheckpointStore::modified);
    Checkpoint.Builder b =
        Checkpoint.builder()
            .step(step)
            .location("oss://" + location.bucket() + "/" + dir)
            .complete(completed.isPresent());
    completed.filter(t -> !Instant.EPOCH.equals(t)).ifPresent(b::completedAt);
    return b.build();
  }

  private static Instant modified(OSSObjectSummary s) {
    return s.getLastModified() == null ? Instant.EPOCH : s.getLastModified().toInstant();
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (OSSException e) {
      throw new CheckpointStoreException(
          "OSS refused to list checkpoints in "
              + location.uri()
              + ": "
              + e.getErrorCode()
              + " (request id "
              + e.getRequestId()
              + "). Check the bucket name, the endpoint and that the credentials may"
              + " oss:ListObjects on the bucket.",
          e);
    } catch (ClientException e) {
      throw new CheckpointStoreException(
          "Cannot reach OSS to list checkpoints in "
              + location.uri()
              + ": "
              + e.getErrorCode()
              + ". Check the endpoint (an -internal endpoint works only inside Alibaba Cloud)"
              + " and the network.",
          e);
    }
  }

  @Override
  public String toString() {
    return "OssCheckpointStore{" + location.uri() + "}";
  }

  /** Builds an {@link OssCheckpointStore}. Not thread-safe. */
  public static final class Builder {
    private OssLocation location;
    private String endpoint;
    private String region;
    private PaiCredentials credentials;
    private OSS client;
    private CheckpointLayout layout = CheckpointLayout.defaults();
    private boolean pathStyle;
    private int pageSize = 1000;

    private Builder() {}

    /**
     * The checkpoint location, e.g. the job's {@code CheckpointLocation.uri()}. Required.
     *
     * @param uri {@code oss://bucket[.endpoint]/prefix/}
     * @return this builder
     * @throws ValidationException if it is not an OSS URI
     */
    public Builder uri(String uri) {
      this.location = OssLocation.parse(uri);
      return this;
    }

    /**
     * The OSS endpoint, overriding the one in the URI, e.g. {@code
     * https://oss-cn-shanghai.aliyuncs.com} or a test server's {@code http://127.0.0.1:8080}.
     *
     * @param endpoint endpoint URL; {@code https://} is assumed without a scheme
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * The region, for a URI without an endpoint: the endpoint becomes {@code
     * https://oss-<region>.aliyuncs.com}.
     *
     * @param region region id, e.g. {@code cn-shanghai}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * The credentials the store's own OSS client signs with; e.g. {@code pai.credentials()}.
     *
     * @param credentials credentials
     * @return this builder
     */
    public Builder credentials(PaiCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Uses a caller's OSS client instead of creating one (its endpoint and credentials apply; the
     * caller shuts it down). The documented escape hatch for OSS settings Pailot does not expose.
     *
     * @param client a configured OSS client
     * @return this builder
     */
    public Builder client(OSS client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The checkpoint layout. Default {@link CheckpointLayout#defaults()}.
     *
     * @param layout layout
     * @return this builder
     */
    public Builder layout(CheckpointLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * Addresses the bucket in the path ({@code endpoint/bucket/key}) rather than the host ({@code
     * bucket.endpoint/key}), e.g. for an OSS-compatible test server. Default {@code false}.
     *
     * @param pathStyle whether to use path-style addressing
     * @return this builder
     */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /**
     * Keys per {@code ListObjectsV2} page, 1 to 1000. Default 1000.
     *
     * @param pageSize page size
     * @return this builder
     * @throws ValidationException if outside 1 to 1000
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 1000) {
        throw ValidationException.invalidField(
            "pageSize", pageSize + " is outside 1 to 1000", "use e.g. 1000 (OSS's maximum)");
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Builds the store. No request is sent.
     *
     * @return the store
     * @throws ValidationException naming the missing setting and the fix
     */
    public OssCheckpointStore build() {
      if (location == null) {
        throw ValidationException.invalidField(
            "uri", "is not set", "set uri(\"oss://bucket.endpoint/ckpt/run-1/\")");
      }
      if (client != null) {
        return new OssCheckpointStore(this, client, false);
      }
      if (credentials == null) {
        throw ValidationException.invalidField(
            "credentials",
            "is not set for " + location.uri(),
            "set credentials(pai.credentials()) or pass a configured client(oss)");
      }
      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setSLDEnabled(pathStyle);
      OSS oss =
          new OSSClientBuilder()
              .build(resolveEndpoint(), OssCredentialsBridge.of(credentials), conf);
      return new OssCheckpointStore(this, oss, true);
    }

    private String resolveEndpoint() {
      if (endpoint != null) {
        return endpoint;
      }
      if (location.endpointHost().isPresent()) {
        return "https://" + location.endpointHost().get();
      }
      if (region != null) {
        return "https://oss-" + region + ".aliyuncs.com";
      }
      throw ValidationException.invalidField(
          "endpoint",
          location.uri() + " names no endpoint",
          "write the URI as oss://bucket.oss-cn-shanghai.aliyuncs.com/path/, or set"
              + " region(\"cn-shanghai\") or endpoint(\"https://oss-cn-shanghai.aliyuncs.com\")");
    }
  }
}
