package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.EngineProfile;
import dev.pailot.testkit.localpai.GpuProfile;
import dev.pailot.testkit.localpai.ModelProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an {@link EngineConfig} from an EAS service JSON, so a deploy spec alone drives the
 * emulation: engine kind from the image or {@code metadata.type}, engine flags from the first
 * container's {@code script}/{@code command}, the model from the model argument, {@code MODEL_*}
 * environment or the model storage mount, the GPU from {@code cloud.computing.instance_type} or
 * {@code metadata.gpu_memory}, and {@code LOCALPAI_*} variables for what a real spec cannot say.
 * Precedence: profile defaults, then environment, then flags.
 */
final class ServiceSpecReader {
  private final JsonNode spec;
  private final JsonNode container;
  private final LaunchFlags flags;
  private final SpecEnvironment env;

  private ServiceSpecReader(JsonNode spec) {
    this.spec = spec;
    this.container = spec.path("containers").path(0);
    this.flags = LaunchFlags.parse(launchScript(container));
    this.env = SpecEnvironment.of(container.path("env"));
  }

  /**
   * The replica's configuration, or empty when the spec is not an LLM, embedding or rerank service.
   *
   * @throws IllegalArgumentException when a flag or variable has an unusable value
   */
  static Optional<EngineConfig> read(JsonNode spec, EngineProfile defaults, long seed) {
    ServiceSpecReader r = new ServiceSpecReader(spec);
    return r.kind().map(kind -> r.config(kind, defaults, seed));
  }

  private Optional<EngineKind> kind() {
    Optional<EngineKind> kind =
        env.get("LOCALPAI_ENGINE")
            .flatMap(EngineKind::fromServiceType)
            .or(() -> EngineKind.fromImage(container.path("image").asText("")))
            .or(() -> EngineKind.fromServiceType(spec.path("metadata").path("type").asText("")));
    Optional<String> task = flags.get("task", "runner");
    return task.isPresent() ? kind.map(k -> k.withTask(task.get())) : kind;
  }

  private EngineConfig config(EngineKind kind, EngineProfile defaults, long seed) {
    String modelArg = modelArgument().orElse("default");
    ModelProfile model = ModelSpec.resolve(modelArg, env);
    EngineProfile profile = EngineSettings.apply(defaults, env, flags);
    int maxModelLen = flags.getInt("max-model-len", "context-length").orElse(model.maxModelLen());
    String served = flags.get("served-model-name").orElse(modelArg);
    int tp = flags.getInt("tensor-parallel-size", "tp-size", "tp").orElse(1);
    OptionalInt blocks =
        flags.getInt("num-gpu-blocks-override").map(OptionalInt::of).orElse(OptionalInt.empty());
    int dimension = env.getInt("LOCALPAI_EMBEDDING_DIM").orElse(model.hiddenSize());
    return new EngineConfig(
        kind, served, model, gpu(), tp, profile, maxModelLen, blocks, dimension, seed);
  }

  /** The model as the engine was told: flag, {@code serve} argument, env, or a model mount. */
  private Optional<String> modelArgument() {
    return flags
        .get("model", "model-path", "model-id")
        .or(flags::positionalModel)
        .or(() -> env.get("MODEL_PATH", "MODEL_ID", "MODEL_NAME"))
        .or(this::mountedModel)
        .or(() -> text(spec.path("model_path")));
  }

  private Optional<String> mountedModel() {
    String fallback = null;
    for (JsonNode mount : spec.path("storage")) {
      Optional<String> path =
          text(mount.path("oss").path("path")).or(() -> text(mount.path("nfs").path("path")));
      if (path.isEmpty()) {
        continue;
      }
      if ("model".equals(mount.path("properties").path("resource_type").asText())) {
        return path;
      }
      if (fallback == null && mount.path("mount_path").asText("").contains("model")) {
        fallback = path.get();
      }
    }
    return Optional.ofNullable(fallback);
  }

  private GpuProfile gpu() {
    JsonNode computing = spec.path("cloud").path("computing");
    GpuProfile gpu =
        text(computing.path("instance_type"))
            .or(() -> text(computing.path("instances").path(0).path("type")))
            .flatMap(GpuProfile::lookup)
            .orElse(GpuProfile.defaultProfile());
    Optional<Double> gb =
        env.getDouble("LOCALPAI_GPU_MEMORY_GB")
            .or(() -> number(spec.path("metadata").path("gpu_memory")));
    return gb.isPresent() ? gpu.toBuilder().memoryGb(gb.get()).build() : gpu;
  }

  private static String launchScript(JsonNode container) {
    JsonNode command = container.path("command");
    StringBuilder sb = new StringBuilder(container.path("script").asText(""));
    if (command.isArray()) {
      command.forEach(w -> sb.append(" '").append(w.asText()).append('\''));
    } else {
      sb.append(' ').append(command.asText(""));
    }
    container.path("args").forEach(w -> sb.append(" '").append(w.asText()).append('\''));
    return sb.toString();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  private static Optional<Double> number(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(node.asDouble());
    }
    return text(node).map(Double::parseDouble);
  }

  /** The container's {@code env} list as a map. */
  static final class SpecEnvironment {
    private final Map<String, String> values;

    private SpecEnvironment(Map<String, String> values) {
      this.values = values;
    }

    static SpecEnvironment of(JsonNode env) {
      Map<String, String> values = new HashMap<>();
      env.forEach(e -> values.put(e.path("name").asText(), e.path("value").asText()));
      return new SpecEnvironment(values);
    }

    Optional<String> get(String... names) {
      for (String n : names) {
        String v = values.get(n);
        if (v != null && !v.isBlank()) {
          return Optional.of(v.trim());
        }
      }
      return Optional.empty();
    }

    Optional<Double> getDouble(String name) {
      return get(name)
          .map(
              v -> {
                try {
                  return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                  throw new IllegalArgumentException(
                      "env " + name + " needs a number, got '" + v + "'", e);
                }
              });
    }

    Optional<Integer> getInt(String name) {
      return getDouble(name).map(Double::intValue);
    }

    Optional<Long> getLong(String name) {
      return getDouble(name).map(Double::longValue);
    }
  }
}
