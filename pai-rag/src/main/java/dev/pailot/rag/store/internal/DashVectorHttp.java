package dev.pailot.rag.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DashVector HTTP API as one pipeline: JSON request, {@code dashvector-auth-token} header,
 * response envelope ({@code code}, {@code message}, {@code request_id}, {@code output}), error
 * mapping to Pailot's exceptions, and Failsafe retries of throttled and transient failures. Every
 * call the store makes is idempotent (upsert, delete by id, query, stats), so all are retried.
 * SDK-internal.
 */
public final class DashVectorHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashVectorHttp.class);
  private static final MediaType JSON = MediaType.get("application/json");
  static final String PRODUCT = "dashvector";

  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http;
  private final String baseUrl;
  private final String apiKey;
  private final RetryPolicy<JsonNode> retry;

  /**
   * A pipeline to one cluster.
   *
   * @param endpoint host or URL of the cluster
   * @param apiKey the API key
   * @param timeout per-call timeout
   * @param maxRetries retries of retryable failures
   */
  public DashVectorHttp(String endpoint, String apiKey, Duration timeout, int maxRetries) {
    String base = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.apiKey = apiKey;
    this.http =
        new OkHttpClient.Builder()
            .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .build();
    this.retry =
        RetryPolicy.<JsonNode>builder()
            .handleIf(e -> e instanceof PaiException p && p.retryable())
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
            .withJitter(0.2)
            .withMaxRetries(maxRetries)
            .withMaxDuration(timeout.multipliedBy(maxRetries + 1L))
            .build();
  }

  /** The JSON mapper the store builds request bodies with. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Sends one call and returns the envelope's {@code output} (a missing node if none).
   *
   * @param method HTTP method
   * @param path path below the endpoint, e.g. {@code /v1/collections/docs/query}
   * @param body JSON body, or {@code null}
   * @param action what the call does, for messages (e.g. {@code query})
   * @return the output node
   * @throws PaiException mapped from the status and the envelope's code
   */
  public JsonNode call(String method, String path, JsonNode body, String action) {
    int[] attempts = {0};
    try {
      return Failsafe.with(retry)
          .get(
              () -> {
                attempts[0]++;
                return once(method, path, body, action);
              });
    } catch (PaiException e) {
      throw e.withAttempts(attempts[0]);
    } catch (FailsafeException e) {
      throw new PaiException("DashVector " + action + " failed: " + e.getMessage(), null, e);
    }
  }

  private JsonNode once(String method, String path, JsonNode body, String action) {
    Request.Builder request =
        new Request.Builder()
            .url(baseUrl + path)
            .header("dashvector-auth-token", apiKey)
            .header("Accept", "application/json");
    RequestBody requestBody = null;
    if (body != null) {
      try {
        requestBody = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
      } catch (IOException e) {
        throw new PaiException("DashVector " + action + ": could not write the request", null, e);
      }
    }
    request.method(method, requestBody);
    LOG.debug("DashVector {} {} {}", action, method, path);
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      JsonNode envelope = parse(text);
      int code = envelope.path("code").asInt(response.isSuccessful() ? 0 : -1);
      if (response.isSuccessful() && code == 0) {
        return envelope.path("output");
      }
      throw map(action, path, response, envelope, code);
    } catch (IOException e) {
      ErrorDetails details = new ErrorDetails(PRODUCT, action, null, null, null, null, 0, true, 1);
      throw new ServiceUnavailableException(
          "DashVector "
              + action
              + " on "
              + path
              + " got no response: "
              + e.getMessage()
              + ". Check the endpoint and the network; the call is retried.",
          details,
          e);
    }
  }

  private JsonNode parse(String text) {
    try {
      return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
    } catch (IOException e) {
      return mapper.createObjectNode(); // not JSON (e.g. a gateway's HTML page): status decides
    }
  }

  private static PaiException map(
      String action, String path, Response response, JsonNode envelope, int code) {
    int status = response.code();
    String requestId = text(envelope, "request_id");
    String message = text(envelope, "message");
    boolean throttled = status == 429;
    boolean transientFailure = status >= 500 || status == 408;
    ErrorDetails details =
        new ErrorDetails(
            PRODUCT,
            action,
            requestId,
            String.valueOf(code),
            message,
            null,
            status,
            throttled || transientFailure,
            1);
    String what =
        "DashVector "
            + action
            + " on "
            + path
            + " failed (HTTP "
            + status
            + ", code "
            + code
            + (message == null ? "" : ", " + message)
            + ")";
    if (status == 401 || status == 403) {
      return new AuthenticationException(
          what + ". Check the API key and that it may use this cluster.", details, null);
    }
    if (status == 404) {
      return new ResourceNotFoundException(
          what + ". Check the collection name; create it first.", details, null);
    }
    if (throttled) {
      return new ThrottlingException(what + ". Slow down; the call is retried.", details, null);
    }
    if (transientFailure) {
      return new ServiceUnavailableException(what + ". The call is retried.", details, null);
    }
    if (status == 400) {
      return new ValidationException(what + ". Fix the request.", details);
    }
    return new PaiException(what + ".", details, null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "DashVectorHttp{" + baseUrl + "}";
  }
}
