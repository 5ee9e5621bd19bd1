package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * VPC/ECS tag list as it appears in responses: {@code "Tags":{"Tag":[{"Key":..,"Value":..}]}} from
 * VPC, {@code "Tags":{"Tag":[{"TagKey":..,"TagValue":..}]}} from ECS.
 *
 * @param tag the tags, possibly {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagSet(@JsonProperty("Tag") List<Tag> tag) {

  /**
   * One tag.
   *
   * @param key key
   * @param value value
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tag(
      @JsonProperty("Key") @JsonAlias("TagKey") String key,
      @JsonProperty("Value") @JsonAlias("TagValue") String value) {}

  /**
   * Whether a tag set (possibly {@code null}) holds {@code key=value}.
   *
   * @param tags tag set or {@code null}
   * @param key key
   * @param value value
   * @return whether present
   */
  public static boolean has(TagSet tags, String key, String value) {
    if (tags == null || tags.tag() == null) {
      return false;
    }
    return tags.tag().stream().anyMatch(t -> key.equals(t.key()) && value.equals(t.value()));
  }
}
