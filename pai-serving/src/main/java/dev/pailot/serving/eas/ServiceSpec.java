package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.eas.internal.KubernetesForm;
import dev.pailot.serving.eas.internal.SpecCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A typed, immutable model of the EAS service JSON that {@code CreateService} takes (PAI_API.md
 * §3.2): {@code metadata}, {@code cloud.computing}, {@code cloud.networking}, {@code containers},
 * {@code storage}, {@code features} and {@code autoscaler}. Every key Pailot does not model is
 * kept, at any depth ({@link #extra()} and the sections' own {@code extra()}), so {@code
 * fromJson(json).toJson()} gives back the same JSON.
 *
 * <pre>{@code
 * ServiceSpec spec = ServiceSpec.builder()
 *     .metadata(ServiceMetadata.builder().name("qwen_chat").instance(2).build())
 *     .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
 *     .addContainers(ContainerSpec.of("registry/vllm@sha256:...", 8000).script("vllm serve /mnt/model").build())
 *     .addStorage(StorageMount.oss("oss://bucket/models/qwen/", "/mnt/model"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} and {@link #fromJson(String)} validate and
 * throw {@link ValidationException} naming the field and the fix. The access token and the docker
 * credentials are redacted from {@link #toString()}.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceSpec {
  /**
   * {@code metadata}.
   *
   * @return metadata
   */
  public abstract ServiceMetadata metadata();

  /**
   * {@code cloud.computing}: public-resource instance types.
   *
   * @return computing, if set
   */
  public abstract Optional<ComputingSpec> computing();

  /**
   * {@code cloud.networking}: VPC attachment.
   *
   * @return networking, if set
   */
  public abstract Optional<NetworkingSpec> networking();

  /**
   * {@code containers}: custom-image containers (empty in processor mode).
   *
   * @return containers
   */
  public abstract List<ContainerSpec> containers();

  /**
   * {@code storage}: OSS and NAS mounts.
   *
   * @return mounts
   */
  public abstract List<StorageMount> storage();

  /**
   * {@code features}, e.g. {@code eas.aliyun.com/extra-ephemeral-storage: 40Gi}.
   *
   * @return features
   */
  public abstract Map<String, String> features();

  /**
   * {@code autoscaler}: an inline autoscaler.
   *
   * @return autoscaler, if set
   */
  public abstract Optional<AutoscalerSpec> autoscaler();

  /**
   * {@code token}: a fixed access token (EAS generates one when absent). Redacted in {@link
   * #toString()}.
   *
   * @return token, if set
   */
  @Value.Redacted
  public abstract Optional<String> token();

  /**
   * {@code dockerAuth}: base64 {@code user:password} for a private registry. Redacted in {@link
   * #toString()}.
   *
   * @return credentials, if set
   */
  @Value.Redacted
  public abstract Optional<String> dockerAuth();

  /**
   * Every other top-level key, and what is left of {@code cloud} beside computing and networking
   * (e.g. {@code networking}, {@code runtime}, {@code processor}, {@code model_path}). Treat the
   * values as read-only. Redacted in {@link #toString()}: alias keys such as {@code credential} may
   * hold secrets.
   *
   * @return extra keys
   */
  @Value.Redacted
  public abstract Map<String, JsonNode> extra();

  /**
   * The service name ({@code metadata.name}).
   *
   * @return name
   */
  public String name() {
    return metadata().name();
  }

  /**
   * The first container's image.
   *
   * @return image, if the spec has containers
   */
  public Optional<String> image() {
    return containers().stream().findFirst().map(ContainerSpec::image);
  }

  /**
   * The OSS or NAS sources of the model mounts ({@link StorageMount#holdsModel()}), plus a
   * top-level {@code model_path}: what "the weights" of this spec are.
   *
   * @return weight sources, in spec order
   */
  public List<String> weightSources() {
    List<String> out = new java.util.ArrayList<>();
    for (StorageMount m : storage()) {
      if (m.holdsModel()) {
        m.ossPath()
            .or(() -> m.nfsPath().map(p -> m.nfsServer().orElse("") + ":" + p))
            .ifPresent(out::add);
      }
    }
    JsonNode modelPath = extra().get("model_path");
    if (modelPath != null && modelPath.isTextual()) {
      out.add(modelPath.asText());
    }
    return out;
  }

  /**
   * The spec as EAS JSON (compact).
   *
   * @return JSON text
   */
  public String toJson() {
    return toJsonNode().toString();
  }

  /**
   * The spec as a JSON tree (a new copy each call).
   *
   * @return JSON object
   */
  public ObjectNode toJsonNode() {
    return SpecCodec.write(this);
  }

  /**
   * Reads EAS service JSON, keeping every key.
   *
   * @param json the JSON text
   * @return the spec
   * @throws ValidationException if the JSON cannot be read or a field is invalid
   */
  public static ServiceSpec fromJson(String json) {
    return SpecCodec.read(json);
  }

  /**
   * Reads the Kubernetes custom-resource form ({@code apiVersion: eas.alibabacloud.com/v1alpha1},
   * {@code kind: Service}, {@code metadata.name}, {@code spec: {...}}) from YAML.
   *
   * @param yaml the YAML text
   * @return the spec
   * @throws ValidationException if it is not such a resource or a field is invalid
   */
  public static ServiceSpec fromKubernetesYaml(String yaml) {
    return KubernetesForm.read(yaml);
  }

  /**
   * Writes the Kubernetes custom-resource form as YAML.
   *
   * @return YAML text
   */
  public String toKubernetesYaml() {
    return KubernetesForm.write(this);
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
   * A builder initialised from this spec.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (computing().isPresent() && metadata().resource().isPresent()) {
      throw ValidationException.invalidField(
          "metadata.resource",
          "is set together with cloud.computing",
          "use a dedicated resource group or public instance types, not both");
    }
    boolean processorMode = extra().containsKey("processor") || extra().containsKey("model_path");
    if (containers().isEmpty() && !processorMode) {
      throw ValidationException.invalidField(
          "containers",
          "is empty and no processor is set",
          "add a container, e.g. ContainerSpec.of(image, 8000).build()");
    }
    boolean sized =
        computing().map(c -> !c.candidateTypes().isEmpty()).orElse(false)
            || metadata().resource().isPresent()
            || metadata().extra().containsKey("quota_id")
            || metadata().cpu().isPresent() && metadata().memory().isPresent();
    if (!sized) {
      throw ValidationException.invalidField(
          "cloud.computing.instance_type",
          "no resources are set",
          "set computing(ComputingSpec.instanceType(\"ecs.gn7i-c8g1.2xlarge\")), a resource group,"
              + " or metadata cpu and memory");
    }
    for (String key : List.of("metadata", "containers", "storage", "features", "autoscaler")) {
      if (extra().containsKey(key)) {
        throw ValidationException.invalidField(
            key, "is in extra() but has a typed field", "set it through its typed field");
      }
    }
  }

  /** Builder for {@link ServiceSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the spec
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ServiceSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("ServiceSpec", e);
      }
    }
  }
}
