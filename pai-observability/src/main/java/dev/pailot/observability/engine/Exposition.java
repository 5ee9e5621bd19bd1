package dev.pailot.observability.engine;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * A parsed Prometheus text exposition ({@link PrometheusText#parse(String)}): metric families in
 * the order they appeared, with lookups by sample name. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Exposition {
  /**
   * The families in exposition order.
   *
   * @return families
   */
  public abstract List<MetricFamily> families();

  /**
   * A family by name.
   *
   * @param name the family's name (for a histogram, without {@code _bucket})
   * @return the family
   */
  public Optional<MetricFamily> family(String name) {
    return families().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Every sample of every family.
   *
   * @return samples in exposition order
   */
  @Value.Lazy
  public List<MetricSample> samples() {
    return families().stream().flatMap(f -> f.samples().stream()).toList();
  }

  /**
   * The samples with this exact sample name, any labels.
   *
   * @param sampleName e.g. {@code vllm:num_requests_running}
   * @return the samples; empty when absent
   */
  public List<MetricSample> samples(String sampleName) {
    return samples().stream().filter(s -> s.name().equals(sampleName)).toList();
  }

  /**
   * The sum of the samples with this name over all label sets (e.g. all {@code model_name}s).
   *
   * @param sampleName the sample name
   * @return the sum; empty when no sample has the name
   */
  public OptionalDouble sum(String sampleName) {
    List<MetricSample> found = samples(sampleName);
    return found.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(found.stream().mapToDouble(MetricSample::value).sum());
  }

  /**
   * The largest sample with this name over all label sets.
   *
   * @param sampleName the sample name
   * @return the maximum; empty when no sample has the name
   */
  public OptionalDouble max(String sampleName) {
    return samples(sampleName).stream().mapToDouble(MetricSample::value).max();
  }

  /**
   * A histogram family, its label sets that match added bucket by bucket.
   *
   * @param name the family name, e.g. {@code vllm:time_to_first_token_seconds}
   * @param match labels every counted series must carry (empty: all series)
   * @return the histogram; empty when there is no {@code _bucket} sample for it
   */
  public Optional<HistogramSnapshot> histogram(String name, Map<String, String> match) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (MetricSample s : samples(name + "_bucket")) {
      String le = s.label("le");
      if (le != null && s.matches(match)) {
        buckets.merge(PrometheusText.parseValue(le), s.value(), Double::sum);
      }
    }
    if (buckets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        HistogramSnapshot.builder()
            .buckets(buckets)
            .sum(matching(name + "_sum", match))
            .count(matching(name + "_count", match))
            .build());
  }

  private double matching(String sampleName, Map<String, String> match) {
    return samples(sampleName).stream()
        .filter(s -> s.matches(match))
        .mapToDouble(MetricSample::value)
        .sum();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Exposition}. Not thread-safe. */
  public static final class Builder extends ImmutableExposition.Builder {
    Builder() {}
  }
}
