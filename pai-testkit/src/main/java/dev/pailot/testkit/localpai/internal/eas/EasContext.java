package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the EAS handlers share: the emulation, the store, the lifecycle and autoscaler, and the
 * gateway's base URI (LocalPai's own host and port, known once the server is bound). Thread-safe.
 */
final class EasContext {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Emulation emulation;
  final EasStore store;
  final ServiceLifecycle lifecycle;
  final Autoscaler autoscaler;
  private volatile String base = "http://127.0.0.1";

  EasContext(
      Emulation emulation, EasStore store, ServiceLifecycle lifecycle, Autoscaler autoscaler) {
    this.emulation = emulation;
    this.store = store;
    this.lifecycle = lifecycle;
    this.autoscaler = autoscaler;
  }

  void attach(URI endpoint) {
    String s = endpoint.toString();
    base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  String base() {
    return base;
  }

  /** The gateway URL of a service or group: {@code http://host:port/api/predict/{name}}. */
  String endpoint(String name) {
    return base + "/api/predict/" + name;
  }

  /** A new access token in EAS's shape: base64 of 40 random characters. */
  String newToken() {
    String raw = emulation.newId("", 40);
    return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The service a ROA request names in {@code {ClusterId}/{ServiceName}}.
   *
   * @param request the request
   * @return the service, advanced to now
   * @throws ServiceError {@code InvalidRegionId.NotFound} or {@code InvalidService.NotFound} (404)
   */
  EasService service(ControlRequest request) {
    emulation.checkRegion(request.pathParams().get("ClusterId"));
    String name = request.pathParams().get("ServiceName");
    return store.service(name).orElseThrow(() -> notFound(name));
  }

  /**
   * Like {@link #service} for a change: a service being deleted accepts none.
   *
   * @param request the request
   * @return the service
   * @throws ServiceError 404 as {@link #service}, or {@code InvalidParameter} while deleting
   */
  EasService writable(ControlRequest request) {
    EasService s = service(request);
    if (s.deleting()) {
      throw ServiceError.invalid(
          "ServiceName", "service [" + s.name + "] is being deleted and cannot be changed");
    }
    return s;
  }

  ServiceError notFound(String name) {
    return ServiceError.notFound(
        "InvalidService.NotFound",
        "Service [" + name + "] in region [" + emulation.region() + "] does not exist.");
  }

  /**
   * The request body as a JSON object (EAS Create/UpdateService bodies are raw JSON text).
   *
   * @param request the request
   * @return the object; empty body = empty object
   * @throws ServiceError {@code InvalidParameter} if it is not a JSON object
   */
  static ObjectNode body(ControlRequest request) {
    if (request.body().length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(request.body());
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // answered below; the body is never echoed
    }
    throw ServiceError.invalid("body", "the request body must be a JSON object");
  }

  /**
   * Labels serialised as a JSON object in one query parameter ({@code Labels}, {@code Label}).
   *
   * @param name parameter name, for the error
   * @param raw the parameter
   * @return the labels, empty if absent
   * @throws ServiceError {@code InvalidParameter} if not a JSON object
   */
  static Map<String, String> labels(String name, Optional<String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    try {
      JsonNode node = MAPPER.readTree(raw.get());
      if (node.isObject()) {
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
      }
    } catch (IOException e) {
      // answered below
    }
    throw ServiceError.invalid(name, "a JSON object of label keys and values");
  }

  /** A write operation's answer: {@code {Message}} (the caller adds {@code RequestId}). */
  ObjectNode reply(String name, String doing) {
    return JsonNodeFactory.instance
        .objectNode()
        .put(
            "Message", "Service [" + name + "] in region [" + emulation.region() + "] is " + doing);
  }
}
