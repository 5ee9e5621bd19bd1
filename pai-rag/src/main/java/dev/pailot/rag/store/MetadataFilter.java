package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A filter on chunk metadata: for every key in {@link #conditions()}, the chunk's value for that
 * key must be one of the listed values (any-of; a single value means equals). Conditions on
 * different keys are and-combined. A chunk without the key never matches. A filter without
 * conditions matches every chunk.
 *
 * <pre>{@code
 * MetadataFilter filter = MetadataFilter.builder()
 *     .equalTo("lang", "en")
 *     .anyOf("source", List.of("guide", "faq"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class MetadataFilter {
  private static final MetadataFilter NONE = builder().build();

  /**
   * Key to the set of accepted values; every key must match.
   *
   * @return the conditions
   */
  public abstract Map<String, Set<String>> conditions();

  /**
   * The filter that matches every chunk.
   *
   * @return the empty filter
   */
  public static MetadataFilter none() {
    return NONE;
  }

  /**
   * A filter on one key equal to one value.
   *
   * @param key metadata key
   * @param value the required value
   * @return the filter
   */
  public static MetadataFilter equalTo(String key, String value) {
    return builder().equalTo(key, value).build();
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
   * Whether the given metadata satisfies every condition.
   *
   * @param metadata a chunk's metadata
   * @return {@code true} if the chunk matches
   */
  public boolean matches(Map<String, String> metadata) {
    for (Map.Entry<String, Set<String>> c : conditions().entrySet()) {
      String value = metadata.get(c.getKey());
      if (value == null || !c.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this filter has no conditions.
   *
   * @return {@code true} if it matches everything
   */
  public boolean isEmpty() {
    return conditions().isEmpty();
  }

  @Value.Check
  void check() {
    for (Map.Entry<String, Set<String>> c : conditions().entrySet()) {
      StoreRules.notBlank("conditions key", c.getKey());
      if (c.getValue().isEmpty()) {
        throw ValidationException.invalidField(
            "conditions[" + c.getKey() + "]",
            "accepts no value (an empty list, or equalTo/anyOf calls on this key with no value in common)",
            "list at least one accepted value");
      }
    }
  }

  /**
   * Builder for {@link MetadataFilter}. A key given twice accepts only the values common to both
   * calls (the conditions are and-combined). Not thread-safe.
   */
  public static final class Builder extends ImmutableMetadataFilter.Builder {
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();

    Builder() {}

    /**
     * Requires {@code key} to equal {@code value}.
     *
     * @param key metadata key
     * @param value the required value
     * @return this builder
     */
    public Builder equalTo(String key, String value) {
      return anyOf(key, Set.of(value));
    }

    /**
     * Requires {@code key} to equal one of {@code values}.
     *
     * @param key metadata key
     * @param values accepted values, at least one
     * @return this builder
     */
    public Builder anyOf(String key, Collection<String> values) {
      Set<String> accepted = new LinkedHashSet<>(values);
      pending.merge(
          key,
          accepted,
          (old, added) -> {
            old.retainAll(added);
            return old;
          });
      return this;
    }

    /**
     * Requires {@code key} to equal one of {@code values}.
     *
     * @param key metadata key
     * @param values accepted values, at least one
     * @return this builder
     */
    public Builder anyOf(String key, String... values) {
      return anyOf(key, Arrays.asList(values));
    }

    /**
     * Validates and builds the filter.
     *
     * @return the filter
     * @throws ValidationException if a key is blank or has no accepted values
     */
    @Override
    public MetadataFilter build() {
      pending.forEach((k, v) -> putConditions(k, Set.copyOf(v)));
      pending.clear();
      return super.build();
    }
  }
}
