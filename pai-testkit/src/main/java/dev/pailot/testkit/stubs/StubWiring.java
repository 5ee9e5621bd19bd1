package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How every stub class talks to WireMock: request matchers for RPC and ROA, JSON responses,
 * metadata tags and scenario sequences. Thread-safe.
 */
final class StubWiring {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACTION_HEADER = "x-acs-action";
  static final String ACTION_METADATA = "pailotAction";
  static final String CREATED = "2026-01-01T00:00:00Z";

  /** Faults answer before regular stubs (WireMock: lower number wins; default is 5). */
  static final int FAULT_PRIORITY = 1;

  private static final AtomicLong SCENARIOS = new AtomicLong();

  private final WireMockServer server;

  StubWiring(WireMockServer server) {
    this.server = server;
  }

  WireMockServer server() {
    return server;
  }

  static MappingBuilder rpc(String action) {
    return post(urlPathEqualTo("/")).withHeader(ACTION_HEADER, equalTo(action));
  }

  static MappingBuilder roa(String method, String path, String action) {
    return request(method, urlPathEqualTo(path)).withHeader(ACTION_HEADER, equalTo(action));
  }

  static MappingBuilder anyWithAction(String action) {
    return request("ANY", anyUrl()).withHeader(ACTION_HEADER, equalTo(action));
  }

  /** Page 1 also matches a request that leaves the page parameter out. */
  static StringValuePattern page(String value, boolean first) {
    return first ? equalTo(value).or(absent()) : equalTo(value);
  }

  StubMapping register(String action, MappingBuilder mapping, ResponseDefinitionBuilder response) {
    return server.stubFor(tag(action, mapping).willReturn(response));
  }

  /**
   * Registers {@code responses} to be returned one per matching request, in order. With {@code
   * repeatLast} the last response answers every later request; without it, later requests fall
   * through to lower-priority stubs.
   */
  List<StubMapping> sequence(
      String action,
      Supplier<MappingBuilder> mapping,
      List<ResponseDefinitionBuilder> responses,
      boolean repeatLast) {
    if (responses.isEmpty()) {
      throw new IllegalArgumentException("a sequence needs at least one response");
    }
    String scenario = "pailot-" + action + "-" + SCENARIOS.incrementAndGet();
    List<StubMapping> out = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      String state = i == 0 ? Scenario.STARTED : "step-" + i;
      boolean last = i == responses.size() - 1;
      var step = tag(action, mapping.get()).inScenario(scenario).whenScenarioStateIs(state);
      if (!last) {
        step = step.willSetStateTo("step-" + (i + 1));
      } else if (!repeatLast) {
        step = step.willSetStateTo("done");
      }
      out.add(server.stubFor(step.willReturn(responses.get(i))));
    }
    return out;
  }

  private static MappingBuilder tag(String action, MappingBuilder mapping) {
    return mapping.withMetadata(Metadata.metadata().attr(ACTION_METADATA, action));
  }

  static ResponseDefinitionBuilder ok(ObjectNode body) {
    String requestId = body.path("RequestId").asText(requestId());
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withHeader("x-acs-request-id", requestId)
        .withBody(write(body));
  }

  static ObjectNode body() {
    ObjectNode n = JSON.createObjectNode();
    n.put("RequestId", requestId());
    return n;
  }

  static String requestId() {
    return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write stub JSON", e);
    }
  }

  /** VPC's tag list: {@code {"Tag":[{"Key":..,"Value":..}]}}. */
  static ObjectNode rpcTags(Map<String, String> tags) {
    return tagList(tags, "Key", "Value");
  }

  /**
   * ECS's tag list, which names its fields differently: {@code
   * {"Tag":[{"TagKey":..,"TagValue":..}]}}.
   */
  static ObjectNode ecsTags(Map<String, String> tags) {
    return tagList(tags, "TagKey", "TagValue");
  }

  private static ObjectNode tagList(Map<String, String> tags, String key, String value) {
    ObjectNode wrapper = JSON.createObjectNode();
    ArrayNode list = wrapper.putArray("Tag");
    tags.forEach((k, v) -> list.addObject().put(key, k).put(value, v));
    return wrapper;
  }

  /** RPC list wrapper: {@code {"<item>":[values...]}}. */
  static ObjectNode rpcStrings(String item, List<String> values) {
    ObjectNode wrapper = JSON.createObjectNode();
    ArrayNode list = wrapper.putArray(item);
    values.forEach(list::add);
    return wrapper;
  }

  /**
   * One path segment encoded the way Alibaba Cloud clients send it: UTF-8 URL encoding with {@code
   * %20} for space, {@code %2A} for {@code *} and a literal {@code ~}.
   */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
