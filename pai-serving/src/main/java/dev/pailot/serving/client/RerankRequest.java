package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A rerank request in the Jina / vLLM shape ({@code POST /v1/rerank}): score documents against a
 * query with a cross-encoder.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix; nothing is sent.
 */
@Value.Immutable
@PailotStyle
public abstract class RerankRequest implements InferenceRequest {
  /**
   * The model name. Unset: the client's default model if it has one, otherwise left out.
   *
   * @return model
   */
  public abstract Optional<String> model();

  /**
   * The query. Required.
   *
   * @return query
   */
  public abstract String query();

  /**
   * The documents to score, at least one.
   *
   * @return documents
   */
  public abstract List<String> documents();

  /**
   * Return only the best {@code topN} results, at least 1. Unset: all documents.
   *
   * @return top n
   */
  public abstract Optional<Integer> topN();

  /**
   * Whether the answer repeats each document's text. Default {@code false}: results carry the index
   * into {@link #documents()}.
   *
   * @return whether documents are returned
   */
  @Value.Default
  public boolean returnDocuments() {
    return false;
  }

  /**
   * Further body fields, as for {@link GenerationRequest#extraBody()}.
   *
   * @return extra body fields
   */
  public abstract Map<String, Object> extraBody();

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
    if (documents().isEmpty()) {
      throw ValidationException.invalidField(
          "documents", "is empty", "add at least one document to score");
    }
    RequestRules.atLeast("topN", topN(), 1, "leave it unset to score all documents");
    RequestRules.extraBody(extraBody());
  }

  /** Builder for {@link RerankRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableRerankRequest.Builder {
    Builder() {}

    /**
     * Validates and builds the request. No network call is made.
     *
     * @return the request
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public RerankRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw RequestRules.missing(
            "RerankRequest", e, Map.of("query", "set query(\"what is EAS?\")"));
      }
    }
  }
}
