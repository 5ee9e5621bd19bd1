package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code cloud.computing}: the public-resource instance type, or a list of candidate types. A
 * candidate list whose items carry more than {@code type} (e.g. spot keys) stays untyped in {@link
 * #extra()}, verbatim.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ComputingSpec {
  /**
   * {@code cloud.computing.instance_type}, e.g. {@code ecs.gn7i-c8g1.2xlarge}.
   *
   * @return instance type, if set
   */
  public abstract Optional<String> instanceType();

  /**
   * {@code cloud.computing.instances[].type}: candidate types, tried in order.
   *
   * @return candidate types
   */
  public abstract List<String> instanceTypes();

  /**
   * Every other key of {@code cloud.computing}. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * The types this spec may run on: the instance type, else the candidates (typed or kept in {@link
   * #extra()}).
   *
   * @return types, first choice first
   */
  public List<String> candidateTypes() {
    if (instanceType().isPresent()) {
      return List.of(instanceType().get());
    }
    if (!instanceTypes().isEmpty()) {
      return instanceTypes();
    }
    JsonNode raw = extra().get("instances");
    if (raw == null || !raw.isArray()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(raw.spliterator(), false)
        .map(n -> n.path("type").asText(""))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * One instance type.
   *
   * @param instanceType e.g. {@code ecs.gn7i-c8g1.2xlarge}
   * @return the section
   */
  public static ComputingSpec instanceType(String instanceType) {
    return builder().instanceType(instanceType).build();
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
    SpecRules.notBlank("cloud.computing.instance_type", instanceType());
    if (instanceType().isPresent() && !instanceTypes().isEmpty()) {
      throw ValidationException.invalidField(
          "cloud.computing.instances",
          "is set together with instance_type",
          "set either instanceType(...) or instanceTypes(...)");
    }
  }

  /** Builder for {@link ComputingSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableComputingSpec.Builder {
    Builder() {}
  }
}
