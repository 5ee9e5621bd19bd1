package dev.pailot.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The baseline of the overhead benchmark: a minimal streaming chat reader on plain OkHttp. It posts
 * the request, reads the body line by line, parses each {@code data:} event with Jackson and counts
 * non-empty content deltas until {@code [DONE]}. No timings, no metrics, no admission.
 */
final class RawSseReader implements AutoCloseable {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private final ObjectMapper json = new ObjectMapper();
  private final OkHttpClient http;
  private final String url;
  private final String token;

  RawSseReader(String endpoint, String token) {
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .readTimeout(60, TimeUnit.SECONDS)
            .build();
    this.url = endpoint + "/v1/chat/completions";
    this.token = token;
  }

  long stream(String prompt, int maxTokens) throws IOException {
    String body =
        json.createObjectNode()
            .put("model", "qwen")
            .put("max_tokens", maxTokens)
            .put("stream", true)
            .put("ignore_eos", true)
            .set(
                "messages",
                json.createArrayNode()
                    .add(json.createObjectNode().put("role", "user").put("content", prompt)))
            .toString();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", token)
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(body, JSON_TYPE))
            .build();
    long tokens = 0;
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      BufferedSource source = response.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (!line.startsWith("data:")) {
          continue;
        }
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
          return tokens;
        }
        JsonNode choices = json.readTree(data).path("choices");
        if (choices.size() > 0
            && !choices.get(0).path("delta").path("content").asText("").isEmpty()) {
          tokens++;
        }
      }
    }
    throw new IOException("stream ended without [DONE]");
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
