package dev.pailot.serving.preflight.internal;

import dev.pailot.observability.capacity.KvCacheDtype;
import dev.pailot.observability.capacity.ModelShape;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.preflight.PreflightProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What preflight reads from a spec, with the profile's explicit values first: the model, its weight
 * size, the GPU, engine flags. Stateless and thread-safe.
 */
public final class SpecFacts {
  /**
   * GPU memory per card by instance type (GB; illustrative list of common EAS GPU types, the same
   * as LocalPai's catalogue). Unknown types give no figure.
   */
  static final Map<String, Double> GPU_GB =
      Map.ofEntries(
          Map.entry("ecs.gn7i-c8g1.2xlarge", 24.0),
          Map.entry("ecs.gn7i-c16g1.4xlarge", 24.0),
          Map.entry("ecs.gn7i-c32g1.8xlarge", 24.0),
          Map.entry("ecs.gn7i-c32g1.16xlarge", 24.0),
          Map.entry("ecs.gn6i-c4g1.xlarge", 16.0),
          Map.entry("ecs.gn6i-c8g1.2xlarge", 16.0),
          Map.entry("ecs.gn6v-c8g1.2xlarge", 16.0),
          Map.entry("ecs.gn7-c12g1.3xlarge", 40.0),
          Map.entry("ecs.gn7e-c16g1.4xlarge", 80.0),
          Map.entry("ecs.gn8v-c82g1.2xlarge", 96.0),
          Map.entry("ecs.gn8is-2x.8xlarge", 48.0));

  private static final Pattern FLAG = Pattern.compile("--([a-z0-9-]+)[ =]([^\\s]+)");

  private final ServiceSpec spec;
  private final PreflightProfile profile;

  /**
   * Facts of one spec under a profile.
   *
   * @param spec spec
   * @param profile profile
   */
  public SpecFacts(ServiceSpec spec, PreflightProfile profile) {
    this.spec = spec;
    this.profile = profile;
  }

  /**
   * The model: the profile's, else the preset whose name appears in the script, env or weight
   * sources (longest name first, ignoring case and {@code _}/{@code -}).
   *
   * @return model, if known
   */
  public Optional<ModelShape> model() {
    if (profile.model().isPresent()) {
      return profile.model();
    }
    String text = normalise(String.join(" ", clues()));
    return ModelShape.presets().stream()
        .sorted(Comparator.comparingInt((ModelShape m) -> m.name().length()).reversed())
        .filter(m -> text.contains(normalise(m.name())))
        .findFirst();
  }

  private List<String> clues() {
    List<String> out = new ArrayList<>(spec.weightSources());
    for (ContainerSpec c : spec.containers()) {
      c.script().ifPresent(out::add);
      c.command().ifPresent(out::add);
      out.addAll(c.env().values());
    }
    spec.storage().forEach(m -> out.add(m.mountPath()));
    return out;
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Weight size in bytes: the profile's, else the model's estimate.
   *
   * @return bytes, if known
   */
  public Optional<Long> weightBytes() {
    if (profile.modelSizeGb().isPresent()) {
      return Optional.of((long) (profile.modelSizeGb().get() * 1e9));
    }
    return model()
        .flatMap(
            m ->
                m.estimatedWeightBytes().isPresent()
                    ? Optional.of(m.estimatedWeightBytes().getAsLong())
                    : Optional.empty());
  }

  /**
   * Memory of one GPU in bytes: profile, {@code metadata.gpu_memory}, then the instance type.
   *
   * @return bytes, if known
   */
  public Optional<Long> gpuMemoryBytes() {
    Optional<Double> gb =
        profile
            .gpuMemoryGb()
            .or(() -> spec.metadata().gpuMemory().filter(g -> g > 0).map(Integer::doubleValue))
            .or(
                () ->
                    spec.computing()
                        .flatMap(c -> c.candidateTypes().stream().findFirst())
                        .map(GPU_GB::get));
    return gb.map(g -> (long) (g * 1e9));
  }

  /**
   * An engine flag from the first container's script or command.
   *
   * @param name flag without dashes, e.g. {@code max-num-seqs}
   * @return value, if present
   */
  public Optional<String> flag(String name) {
    String line =
        spec.containers().stream().findFirst().flatMap(c -> c.script().or(c::command)).orElse("");
    Matcher m = FLAG.matcher(line);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  /**
   * Sequences at once: the profile's, else {@code --max-num-seqs}.
   *
   * @return concurrency, if known
   */
  public Optional<Integer> concurrency() {
    return profile.concurrency().or(() -> flag("max-num-seqs").flatMap(SpecFacts::integer));
  }

  /**
   * Cards per replica: {@code --tensor-parallel-size}, else 1.
   *
   * @return cards
   */
  public int tensorParallel() {
    return flag("tensor-parallel-size")
        .or(() -> flag("tp-size"))
        .flatMap(SpecFacts::integer)
        .orElse(1);
  }

  /**
   * The KV-cache dtype from {@code --kv-cache-dtype} ({@code fp8*} and {@code int8} are one byte).
   *
   * @return dtype
   */
  public KvCacheDtype kvDtype() {
    String v = flag("kv-cache-dtype").orElse("auto").toLowerCase(Locale.ROOT);
    if (v.startsWith("fp8")) {
      return KvCacheDtype.FP8;
    }
    return v.equals("int8") ? KvCacheDtype.INT8 : KvCacheDtype.FP16;
  }

  /**
   * {@code --gpu-memory-utilization}, else vLLM's 0.9.
   *
   * @return fraction
   */
  public double gpuMemoryUtilization() {
    return flag("gpu-memory-utilization")
        .map(
            v -> {
              try {
                return Double.parseDouble(v);
              } catch (NumberFormatException e) {
                return 0.9;
              }
            })
        .filter(d -> d > 0 && d <= 1)
        .orElse(0.9);
  }

  private static Optional<Integer> integer(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
