package dev.pailot.testkit.localpai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** EAS control-plane calls through the real SDK pipeline, and gateway calls with the JDK client. */
final class EasCalls {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICES = "/api/v2/services";
  static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Pai pai;
  private final String region;

  EasCalls(Pai pai, String region) {
    this.pai = pai;
    this.region = region;
  }

  /** A minimal valid custom-image spec. */
  static ObjectNode spec(String name, int instances, String image) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", instances);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.c7.large");
    spec.putArray("containers").addObject().put("image", image).put("port", 8000);
    return spec;
  }

  /** The {@code metadata} object of a spec. */
  static ObjectNode meta(JsonNode spec) {
    return (ObjectNode) spec.get("metadata");
  }

  JsonNode create(JsonNode spec) {
    return send("CreateService", "POST", SERVICES, null, Map.of(), spec.toString());
  }

  JsonNode describe(String name) {
    return send("DescribeService", "GET", SERVICE, name, Map.of(), null);
  }

  /** Whether DescribeService answers {@code InvalidService.NotFound}. */
  boolean gone(String name) {
    try {
      describe(name);
      return false;
    } catch (ResourceNotFoundException e) {
      return true;
    }
  }

  String status(String name) {
    return describe(name).path("Status").asText();
  }

  JsonNode update(String name, String updateType, JsonNode body) {
    Map<String, String> query = updateType == null ? Map.of() : Map.of("UpdateType", updateType);
    return send("UpdateService", "PUT", SERVICE, name, query, body.toString());
  }

  JsonNode put(String action, String name, String suffix, JsonNode body) {
    return send(
        action, "PUT", SERVICE + suffix, name, Map.of(), body == null ? null : body.toString());
  }

  JsonNode get(String action, String name, String suffix, Map<String, String> query) {
    return send(action, "GET", SERVICE + suffix, name, query, null);
  }

  JsonNode post(String action, String name, String suffix, JsonNode body) {
    return send(action, "POST", SERVICE + suffix, name, Map.of(), body.toString());
  }

  JsonNode delete(String action, String name, String suffix, Map<String, String> query) {
    return send(action, "DELETE", SERVICE + suffix, name, query, null);
  }

  JsonNode list(Map<String, String> query) {
    return send("ListServices", "GET", SERVICES, null, query, null);
  }

  JsonNode group(String action, String method, String name, Map<String, String> query) {
    String path = name == null ? "/api/v2/groups" : "/api/v2/groups/{ClusterId}/{GroupName}";
    ApiRequest.Builder b =
        ApiRequest.of(Operation.roa(Product.EAS, action, method, path, !method.equals("POST")));
    if (name != null) {
      b.path("ClusterId", region).path("GroupName", name);
    }
    query.forEach(b::query);
    return PaiRuntime.of(pai).call(b.build()).body();
  }

  private JsonNode send(
      String action,
      String method,
      String path,
      String name,
      Map<String, String> query,
      String body) {
    ApiRequest.Builder b =
        ApiRequest.of(Operation.roa(Product.EAS, action, method, path, !method.equals("POST")));
    if (name != null) {
      b.path("ClusterId", region).path("ServiceName", name);
    }
    query.forEach(b::query);
    if (body != null) {
      b.rawBody(body);
    }
    return PaiRuntime.of(pai).call(b.build()).body();
  }

  /** Waits until the service has the status; fails after a generous deadline. */
  void awaitStatus(String name, String status) {
    Calls.await(() -> status(name), status);
  }

  /** Polls until the condition holds; fails after a generous deadline. */
  static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A gateway call; {@code authorization} may be {@code null}. */
  static HttpResponse<String> gateway(
      URI endpoint, String method, String authorization, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** GET through the gateway with a raw token. */
  static HttpResponse<String> get(URI endpoint, String token) {
    return gateway(endpoint, "GET", token, null);
  }
}
