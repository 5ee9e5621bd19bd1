package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A raw EAS predict call: {@code POST {endpoint}{path}} with any body, for processors that do not
 * speak the OpenAI protocol (custom images, TensorFlow / PyTorch processors, echo services).
 *
 * <p>Immutable and thread-safe. The body array is copied in and out.
 */
@Value.Immutable
@PailotStyle
public abstract class PredictRequest implements InferenceRequest {
  /**
   * The request body. Required (may be empty).
   *
   * @return a copy of the body
   */
  public abstract byte[] body();

  /**
   * The body's media type. Default {@code application/json}.
   *
   * @return content type
   */
  @Value.Default
  public String contentType() {
    return "application/json";
  }

  /**
   * A sub-path appended to the endpoint (EAS forwards it to the container), e.g. {@code
   * /v1/models}; must start with {@code /}. Default empty: the endpoint itself.
   *
   * @return path
   */
  @Value.Default
  public String path() {
    return "";
  }

  /**
   * A request whose body is the UTF-8 bytes of {@code json}.
   *
   * @param json the JSON text
   * @return the request
   */
  public static PredictRequest ofJson(String json) {
    RequestRules.notNull("body", json, "pass the JSON text to send");
    return builder().body(json.getBytes(StandardCharsets.UTF_8)).build();
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
   * A builder initialised from this request.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    RequestRules.common(this);
    RequestRules.notBlank("contentType", contentType(), "use e.g. application/json");
    if (!path().isEmpty() && !path().startsWith("/")) {
      throw ValidationException.invalidField(
          "path", "\"" + path() + "\" does not start with /", "use e.g. /v1/models");
    }
  }

  /** Builder for {@link PredictRequest}. Not thread-safe. */
  public static final class Builder extends ImmutablePredictRequest.Builder {
    Builder() {}

    /**
     * Validates and builds the request. No network call is made.
     *
     * @return the request
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public PredictRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw RequestRules.missing(
            "PredictRequest", e, Map.of("body", "set body(bytes) or use PredictRequest.ofJson"));
      }
    }
  }
}
