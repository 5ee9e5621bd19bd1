package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.client.internal.EndpointAddress;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One member of an {@link InferenceClient}'s endpoint pool: an EAS service, service group, replica
 * or region (or any OpenAI-compatible base URL), with its own token, a weight and an optional zone.
 *
 * <pre>{@code
 * Endpoint hangzhou = Endpoint.builder()
 *     .url("http://123.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_chat")
 *     .token(System.getenv("EAS_TOKEN_HZ"))
 *     .zone("cn-hangzhou")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The tokens are redacted in {@link #toString()}. {@link
 * Builder#build()} checks the URL as {@link InferenceClientBuilder#endpoint(String)} does and
 * throws a {@link ValidationException} naming the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class Endpoint {
  /**
   * The endpoint URL: the same forms as {@link InferenceClientBuilder#endpoint(String)}.
   *
   * @return the URL, without query string or user info
   */
  public abstract String url();

  /**
   * The EAS token for this endpoint, sent as {@code Authorization: <token>}. When neither this nor
   * {@link #bearerToken()} is set, the client's own {@code token(...)} applies.
   *
   * @return the token
   */
  @Value.Redacted
  public abstract Optional<String> token();

  /**
   * A token sent as {@code Authorization: Bearer <token>}, for OpenAI-compatible servers.
   *
   * @return the bearer token
   */
  @Value.Redacted
  public abstract Optional<String> bearerToken();

  /**
   * The endpoint's share of traffic relative to the others when all are equally loaded. Default 1.
   *
   * @return the weight, 1 to 1000
   */
  @Value.Default
  public int weight() {
    return 1;
  }

  /**
   * Where the endpoint runs (a region or zone, e.g. {@code cn-shanghai-b}). With {@link
   * FailoverOptions#preferredZone()} set, endpoints of that zone take the traffic while any of them
   * is healthy.
   *
   * @return the zone
   */
  public abstract Optional<String> zone();

  /**
   * An endpoint with the client's token.
   *
   * @param url the endpoint URL
   * @return the endpoint
   */
  public static Endpoint of(String url) {
    return builder().url(url).build();
  }

  /**
   * An endpoint with its own EAS token.
   *
   * @param url the endpoint URL
   * @param token the EAS token
   * @return the endpoint
   */
  public static Endpoint of(String url, String token) {
    return builder().url(url).token(token).build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    EndpointAddress.parse(url());
    if (token().isPresent() && bearerToken().isPresent()) {
      throw ValidationException.invalidField(
          "token", "is set together with bearerToken", "set only one of them");
    }
    token().ifPresent(t -> RequestRules.notBlank("token", t, "pass the endpoint's AccessToken"));
    bearerToken().ifPresent(t -> RequestRules.notBlank("bearerToken", t, "pass the API key"));
    if (weight() < 1 || weight() > 1000) {
      throw ValidationException.invalidField(
          "weight", weight() + " is outside [1, 1000]", "use e.g. 1 for equal shares");
    }
    zone().ifPresent(z -> RequestRules.notBlank("zone", z, "leave it unset or name the zone"));
  }

  /** Builder for {@link Endpoint}. Not thread-safe. */
  public static final class Builder extends ImmutableEndpoint.Builder {
    Builder() {}

    /**
     * Validates and builds the endpoint.
     *
     * @return the endpoint
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public Endpoint build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw RequestRules.missing("Endpoint", e, Map.of("url", "set url(\"http://...\")"));
      }
    }
  }
}
