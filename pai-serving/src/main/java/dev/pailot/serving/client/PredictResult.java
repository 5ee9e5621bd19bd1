package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a raw {@link PredictRequest}: the HTTP status and body as the service sent them.
 * Immutable and thread-safe; the body array is copied in and out.
 */
@Value.Immutable
@PailotStyle
public abstract class PredictResult {
  /**
   * The HTTP status. Statuses the EAS gateway itself produces (401, 403, 429, 502, 503, 504) are
   * thrown as exceptions instead; every other status, including the processor's own 4xx and 500, is
   * returned here.
   *
   * @return status
   */
  public abstract int status();

  /**
   * The response body.
   *
   * @return a copy of the body
   */
  public abstract byte[] body();

  /**
   * The response's media type, if it sent one.
   *
   * @return content type
   */
  public abstract Optional<String> contentType();

  /**
   * The request id the client sent in {@code X-Request-Id}.
   *
   * @return request id
   */
  public abstract String requestId();

  /**
   * The client's measurements of this request.
   *
   * @return timings
   */
  public abstract Timings timings();

  /**
   * The body decoded as UTF-8.
   *
   * @return body text
   */
  public String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PredictResult}. Not thread-safe. */
  public static final class Builder extends ImmutablePredictResult.Builder {
    Builder() {}
  }
}
