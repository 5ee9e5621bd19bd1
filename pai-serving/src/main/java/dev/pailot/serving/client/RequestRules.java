package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Field checks shared by the request values: each failure names the field and the fix. */
final class RequestRules {

  private RequestRules() {}

  static void notBlank(String field, String value, String fix) {
    if (value == null || value.isBlank()) {
      throw ValidationException.invalidField(field, "is empty", fix);
    }
  }

  static void notNull(String field, Object value, String fix) {
    if (value == null) {
      throw ValidationException.invalidField(field, "is null", fix);
    }
  }

  static void atLeast(String field, Optional<? extends Number> value, long min, String fix) {
    if (value.isPresent() && value.get().longValue() < min) {
      throw ValidationException.invalidField(field, value.get() + " is below " + min, fix);
    }
  }

  static void common(InferenceRequest r) {
    r.deadline().ifPresent(RequestRules::deadline);
    r.requestId().ifPresent(RequestRules::requestId);
  }

  static void generation(GenerationRequest r) {
    common(r);
    r.model().ifPresent(m -> notBlank("model", m, "leave it unset to use the served model"));
    atLeast("maxTokens", r.maxTokens(), 1, "ask for at least one token");
    if (r.temperature().isPresent() && !(r.temperature().get() >= 0)) {
      throw ValidationException.invalidField(
          "temperature", r.temperature().get() + " is negative", "use 0 (greedy) or more");
    }
    if (r.topP().isPresent() && !(r.topP().get() > 0 && r.topP().get() <= 1)) {
      throw ValidationException.invalidField(
          "topP", r.topP().get() + " is outside (0, 1]", "use a value such as 0.9");
    }
    r.cacheSalt().ifPresent(s -> notBlank("cacheSalt", s, "leave it unset or use a tenant id"));
    for (String stop : r.stop()) {
      if (stop.isEmpty()) {
        throw ValidationException.invalidField("stop", "contains an empty string", "remove it");
      }
    }
    extraBody(r.extraBody());
  }

  static void extraBody(Map<String, Object> extra) {
    if (extra.containsKey("stream")) {
      throw ValidationException.invalidField(
          "extraBody",
          "sets \"stream\", which the client owns",
          "call stream(...) or publisher(...) to stream, chat(...) or complete(...) otherwise");
    }
    if (extra.containsKey("stream_options")) {
      throw ValidationException.invalidField(
          "extraBody",
          "sets \"stream_options\", which the client owns",
          "use includeUsage(boolean)");
    }
  }

  private static void deadline(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw ValidationException.invalidField(
          "deadline", d + " is not positive", "use a positive duration such as PT2S");
    }
  }

  private static void requestId(String id) {
    notBlank("requestId", id, "leave it unset to let the client generate one");
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw ValidationException.invalidField(
            "requestId",
            "contains a character that cannot go into an HTTP header",
            "use printable ASCII without spaces, such as a UUID");
      }
    }
  }

  /**
   * Turns Immutables' "required attributes are not set" into a validation failure naming the field.
   */
  static ValidationException missing(
      String type, IllegalStateException e, Map<String, String> fix) {
    String field = MissingAttributes.names(e).stream().findFirst().orElse("a required field");
    return ValidationException.invalidField(
        field,
        "is required by " + type + " but not set",
        fix.getOrDefault(field, "set " + field + "(...)"));
  }
}
