package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code metadata} section of an EAS service spec (PAI_API.md §3.2): name, replicas,
 * per-instance resources, group, workspace and the request keep-alive / batching settings. Keys
 * Pailot does not model are kept in {@link #extra()} and written back unchanged.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates and throws {@link
 * ValidationException} naming the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceMetadata {
  /**
   * {@code metadata.name}: the service name, unique per region.
   *
   * @return name
   */
  public abstract String name();

  /**
   * {@code metadata.instance}: replica count.
   *
   * @return replicas, if set
   */
  public abstract Optional<Integer> instance();

  /**
   * {@code metadata.cpu}: cores per instance (dedicated resources, or without an instance type).
   *
   * @return cores, if set
   */
  public abstract Optional<Integer> cpu();

  /**
   * {@code metadata.memory}: MB per instance.
   *
   * @return MB, if set
   */
  public abstract Optional<Integer> memory();

  /**
   * {@code metadata.gpu}: GPUs per instance.
   *
   * @return GPUs, if set
   */
  public abstract Optional<Integer> gpu();

  /**
   * {@code metadata.gpu_memory}: GB of a shared GPU.
   *
   * @return GB, if set
   */
  public abstract Optional<Integer> gpuMemory();

  /**
   * {@code metadata.resource}: a dedicated resource group id ({@code eas-r-...}).
   *
   * @return id, if set
   */
  public abstract Optional<String> resource();

  /**
   * {@code metadata.group}: the service group (created with its first service).
   *
   * @return group, if set
   */
  public abstract Optional<String> group();

  /**
   * {@code metadata.workspace_id}.
   *
   * @return workspace id, if set
   */
  public abstract Optional<String> workspaceId();

  /**
   * {@code metadata.type}, e.g. {@code LLM}, {@code Async}, {@code Standard}.
   *
   * @return type, if set
   */
  public abstract Optional<String> type();

  /**
   * {@code metadata.rpc.keepalive}: the longest time one request may take (milliseconds on the
   * wire). Keep it above the longest generation.
   *
   * @return keep-alive, if set
   */
  public abstract Optional<Duration> rpcKeepalive();

  /**
   * {@code metadata.rpc.batching}: server-side batching.
   *
   * @return flag, if set
   */
  public abstract Optional<Boolean> rpcBatching();

  /**
   * {@code metadata.rpc.max_batch_size}.
   *
   * @return size, if set
   */
  public abstract Optional<Integer> rpcMaxBatchSize();

  /**
   * Every other key of {@code metadata}, as JSON (e.g. {@code qos}, {@code rpc.io_threads}). Treat
   * the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

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
    SpecRules.name("metadata.name", name());
    SpecRules.range("metadata.instance", instance(), 0, 1000);
    SpecRules.range("metadata.cpu", cpu(), 1, 1024);
    SpecRules.range("metadata.memory", memory(), 1, Integer.MAX_VALUE);
    SpecRules.range("metadata.gpu", gpu(), 0, 64);
    SpecRules.range("metadata.gpu_memory", gpuMemory(), 0, 1024);
    SpecRules.range("metadata.rpc.max_batch_size", rpcMaxBatchSize(), 1, 1_000_000);
    group().ifPresent(g -> SpecRules.name("metadata.group", g));
    SpecRules.notBlank("metadata.resource", resource());
    SpecRules.notBlank("metadata.workspace_id", workspaceId());
    rpcKeepalive()
        .filter(d -> d.isNegative() || d.isZero())
        .ifPresent(
            d -> {
              throw ValidationException.invalidField(
                  "metadata.rpc.keepalive", "must be positive", "use e.g. Duration.ofMinutes(10)");
            });
  }

  /** Builder for {@link ServiceMetadata}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceMetadata.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the metadata
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ServiceMetadata build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("ServiceMetadata", e);
      }
    }
  }
}
