package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** A small JDK HttpClient wrapper for engine tests. */
final class Http {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static HttpRequest post(URI uri, String json) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(URI uri, JsonNode body) {
    return send(post(uri, body.toString()));
  }

  static CompletableFuture<HttpResponse<String>> postAsync(URI uri, JsonNode body) {
    return CLIENT.sendAsync(post(uri, body.toString()), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Specs.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return Specs.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code data:} payloads of an SSE answer, in order, including {@code [DONE]}. */
  static List<String> events(HttpResponse<String> response) {
    return response
        .body()
        .lines()
        .filter(l -> l.startsWith("data: "))
        .map(l -> l.substring(6))
        .collect(Collectors.toList());
  }
}
