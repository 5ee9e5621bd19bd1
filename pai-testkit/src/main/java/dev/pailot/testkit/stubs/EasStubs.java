package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.pailot.testkit.stubs.StubWiring.ACTION_HEADER;
import static dev.pailot.testkit.stubs.StubWiring.CREATED;
import static dev.pailot.testkit.stubs.StubWiring.body;
import static dev.pailot.testkit.stubs.StubWiring.ok;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stubs for PAI-EAS 2021-07-01 (ROA: matched by method, path and {@code x-acs-action}; the {@code
 * {ClusterId}} path segment matches any region). Each method registers its stubs and returns them;
 * a later stub for the same request wins.
 *
 * <pre>{@code
 * stubs.eas().createService("qwen_chat");
 * stubs.eas().describeServiceStatuses(EasServiceFixture.of("qwen_chat", "Running"),
 *     "Creating", "Waiting", "Running");
 * }</pre>
 *
 * <p>Thread-safe (WireMock's stub store is). Stubs live until the server is reset.
 */
public final class EasStubs {
  private static final String SERVICES = "/api/v2/services";

  private final StubWiring wiring;

  /**
   * Stubs on {@code server}.
   *
   * @param server a running WireMock server
   */
  public EasStubs(WireMockServer server) {
    this.wiring = new StubWiring(server);
  }

  /**
   * One event of {@link #describeServiceEvents}.
   *
   * @param time {@code 2006-01-02 15:04:05} UTC
   * @param type {@code Normal} or {@code Warning}
   * @param reason e.g. {@code Failed}
   * @param message message
   */
  public record Event(String time, String type, String reason, String message) {}

  private static MappingBuilder service(String method, String name, String suffix, String action) {
    return request(
            method,
            urlPathMatching(
                SERVICES + "/[^/]+/" + Pattern.quote(StubWiring.segment(name)) + suffix))
        .withHeader(ACTION_HEADER, equalTo(action));
  }

  /**
   * {@code POST /api/v2/services} answers {@code {ServiceId, ServiceName, Status: Creating, ...}}
   * for any body.
   *
   * @param name the name to report
   * @return the stub
   */
  public StubMapping createService(String name) {
    ObjectNode b = body();
    b.put("ServiceId", "eas-m-" + Math.abs(name.hashCode()));
    b.put("ServiceName", name);
    b.put("Status", "Creating");
    b.put("Region", "cn-shanghai");
    return wiring.register(
        "CreateService",
        request("POST", urlPathMatching(SERVICES))
            .withHeader(ACTION_HEADER, equalTo("CreateService")),
        ok(b));
  }

  /**
   * {@code GET /api/v2/services/{ClusterId}/{name}} answers the service.
   *
   * @param service the service
   * @return the stub
   */
  public StubMapping describeService(EasServiceFixture service) {
    return wiring.register(
        "DescribeService",
        service("GET", service.name(), "", "DescribeService"),
        ok(serviceJson(service, true)));
  }

  /**
   * DescribeService answers with each status in turn, then keeps the last.
   *
   * @param service the service (its own status is ignored)
   * @param statuses statuses in order; at least one
   * @return the stubs
   */
  public List<StubMapping> describeServiceStatuses(EasServiceFixture service, String... statuses) {
    List<EasServiceFixture> seq = new ArrayList<>();
    for (String s : statuses) {
      seq.add(service.withStatus(s));
    }
    return describeServiceSequence(seq);
  }

  /**
   * DescribeService answers with each fixture in turn, then keeps the last (e.g. versions that
   * change during an update).
   *
   * @param services the answers in order; at least one, all of one service
   * @return the stubs
   */
  public List<StubMapping> describeServiceSequence(List<EasServiceFixture> services) {
    List<ResponseDefinitionBuilder> responses = new ArrayList<>();
    services.forEach(s -> responses.add(ok(serviceJson(s, true))));
    String name = services.get(0).name();
    return wiring.sequence(
        "DescribeService", () -> service("GET", name, "", "DescribeService"), responses, true);
  }

  /**
   * DescribeService answers 404 {@code InvalidService.NotFound}.
   *
   * @param name service
   * @return the stub
   */
  public StubMapping serviceNotFound(String name) {
    return wiring.register(
        "DescribeService",
        service("GET", name, "", "DescribeService"),
        ErrorResponse.of(
                404,
                "InvalidService.NotFound",
                "Service [" + name + "] in region [cn-shanghai] is not found.")
            .toResponse());
  }

  /**
   * {@code GET /api/v2/services} answers one page with these services and {@code TotalCount}.
   *
   * @param page {@code PageNumber} this stub answers (1 also answers a request without it)
   * @param totalCount {@code TotalCount}
   * @param services the page's services
   * @return the stub
   */
  public StubMapping listServicesPage(int page, int totalCount, EasServiceFixture... services) {
    ObjectNode b = body();
    ArrayNode list = b.putArray("Services");
    for (EasServiceFixture s : services) {
      list.add(serviceJson(s, false));
    }
    b.put("TotalCount", totalCount).put("PageNumber", page).put("PageSize", services.length);
    return wiring.register(
        "ListServices",
        request("GET", urlPathMatching(SERVICES))
            .withHeader(ACTION_HEADER, equalTo("ListServices"))
            .withQueryParam("PageNumber", StubWiring.page(Integer.toString(page), page == 1)),
        ok(b));
  }

  /**
   * A write on a service ({@code UpdateService}, {@code UpdateServiceVersion}, {@code
   * DeleteService}, {@code StartService}, {@code StopService}, {@code RestartService}, {@code
   * ScaleService}, {@code ReleaseService}, the mirror, autoscaler and cron scaler writes) answers
   * {@code {RequestId, Message}}.
   *
   * @param action the action
   * @param name service
   * @return the stub
   */
  public StubMapping write(String action, String name) {
    String[] route = route(action);
    ObjectNode b = body();
    b.put("Message", "Service [" + name + "] in region [cn-shanghai] is " + action);
    return wiring.register(action, service(route[0], name, route[1], action), ok(b));
  }

  private static String[] route(String action) {
    return switch (action) {
      case "UpdateService" -> new String[] {"PUT", ""};
      case "DeleteService" -> new String[] {"DELETE", ""};
      case "UpdateServiceVersion" -> new String[] {"PUT", "/version"};
      case "StartService" -> new String[] {"PUT", "/start"};
      case "StopService" -> new String[] {"PUT", "/stop"};
      case "RestartService" -> new String[] {"PUT", "/restart"};
      case "ScaleService" -> new String[] {"PUT", "/scale"};
      case "ReleaseService" -> new String[] {"PUT", "/release"};
      case "CreateServiceMirror" -> new String[] {"POST", "/mirror"};
      case "UpdateServiceMirror" -> new String[] {"PUT", "/mirror"};
      case "DeleteServiceMirror" -> new String[] {"DELETE", "/mirror"};
      case "CreateServiceAutoScaler" -> new String[] {"POST", "/autoscaler"};
      case "UpdateServiceAutoScaler" -> new String[] {"PUT", "/autoscaler"};
      case "DeleteServiceAutoScaler" -> new String[] {"DELETE", "/autoscaler"};
      case "CreateServiceCronScaler" -> new String[] {"POST", "/cronscaler"};
      case "UpdateServiceCronScaler" -> new String[] {"PUT", "/cronscaler"};
      case "DeleteServiceCronScaler" -> new String[] {"DELETE", "/cronscaler"};
      default -> throw new IllegalArgumentException("not an EAS service write: " + action);
    };
  }

  /**
   * {@code GET .../versions} answers these versions' configs, newest first.
   *
   * @param name service
   * @param configsNewestFirst each version's JSON, newest first (the newest is numbered highest)
   * @return the stub
   */
  public StubMapping listServiceVersions(String name, String... configsNewestFirst) {
    ObjectNode b = body();
    ArrayNode list = b.putArray("Versions");
    int n = configsNewestFirst.length;
    for (String config : configsNewestFirst) {
      list.addObject()
          .put("BuildTime", CREATED)
          .put("ImageAvailable", "true")
          .put("ImageId", n--)
          .put("ServiceRunnable", "true")
          .put("ServiceConfig", config)
          .put("Message", "");
    }
    b.put("TotalCount", configsNewestFirst.length);
    return wiring.register(
        "ListServiceVersions", service("GET", name, "/versions", "ListServiceVersions"), ok(b));
  }

  /**
   * {@code GET /api/v2/groups/{ClusterId}/{group}} answers the group.
   *
   * @param group group
   * @param endpoint group endpoint
   * @param token group token
   * @return the stub
   */
  public StubMapping describeGroup(String group, String endpoint, String token) {
    ObjectNode b = body();
    b.put("Name", group)
        .put("ClusterId", "cn-shanghai")
        .put("AccessToken", token)
        .put("InternetEndpoint", endpoint)
        .put("IntranetEndpoint", endpoint)
        .put("TrafficMode", "auto")
        .put("QueueService", "")
        .put("CreateTime", CREATED)
        .put("UpdateTime", CREATED);
    return wiring.register(
        "DescribeGroup",
        request("GET", urlPathMatching("/api/v2/groups/[^/]+/" + Pattern.quote(group)))
            .withHeader(ACTION_HEADER, equalTo("DescribeGroup")),
        ok(b));
  }

  /**
   * {@code GET .../mirror} answers the ratio (as a string) and the targets (one comma list).
   *
   * @param name service
   * @param ratio percent
   * @param targets target services
   * @return the stub
   */
  public StubMapping describeServiceMirror(String name, int ratio, String... targets) {
    ObjectNode b = body();
    b.put("ServiceName", name).put("Ratio", Integer.toString(ratio));
    b.put("Target", String.join(",", targets));
    return wiring.register(
        "DescribeServiceMirror", service("GET", name, "/mirror", "DescribeServiceMirror"), ok(b));
  }

  /**
   * {@code GET .../autoscaler} answers one strategy and its current value.
   *
   * @param name service
   * @param min MinReplica
   * @param max MaxReplica
   * @param metric metric name as EAS reports it, e.g. {@code QPS}
   * @param threshold threshold
   * @param current current value
   * @return the stub
   */
  public StubMapping describeAutoscaler(
      String name, int min, int max, String metric, double threshold, double current) {
    ObjectNode b = body();
    b.put("ServiceName", name).put("MinReplica", min).put("MaxReplica", max);
    b.putArray("ScaleStrategies")
        .addObject()
        .put("metricName", metric)
        .put("threshold", threshold)
        .put("service", name);
    b.putArray("CurrentMetrics")
        .addObject()
        .put("metricName", metric)
        .put("value", current)
        .put("service", name);
    b.putObject("Behavior");
    return wiring.register(
        "DescribeServiceAutoScaler",
        service("GET", name, "/autoscaler", "DescribeServiceAutoScaler"),
        ok(b));
  }

  /**
   * {@code GET .../cronscaler} answers one job.
   *
   * @param name service
   * @param job job name
   * @param schedule cron expression
   * @param targetSize replicas
   * @return the stub
   */
  public StubMapping describeCronScaler(String name, String job, String schedule, int targetSize) {
    ObjectNode b = body();
    b.put("ServiceName", name);
    b.putArray("ScaleJobs")
        .addObject()
        .put("Name", job)
        .put("Schedule", schedule)
        .put("TargetSize", targetSize)
        .put("TimeZone", "Asia/Shanghai")
        .put("CreateTime", CREATED)
        .put("State", "Succeed");
    b.putArray("ExcludeDates");
    return wiring.register(
        "DescribeServiceCronScaler",
        service("GET", name, "/cronscaler", "DescribeServiceCronScaler"),
        ok(b));
  }

  /**
   * A GET on a service's sub-resource answers 404 with {@code code} (e.g. a service without a
   * mirror).
   *
   * @param action e.g. {@code DescribeServiceMirror}
   * @param name service
   * @param suffix path suffix, e.g. {@code /mirror}
   * @param code error code, e.g. {@code InvalidMirror.NotFound}
   * @return the stub
   */
  public StubMapping subResourceNotFound(String action, String name, String suffix, String code) {
    return wiring.register(
        action,
        service("GET", name, suffix, action),
        ErrorResponse.of(404, code, "Service [" + name + "] has none.").toResponse());
  }

  /**
   * {@code GET .../events} answers these events in one page.
   *
   * @param name service
   * @param events events, oldest first
   * @return the stub
   */
  public StubMapping describeServiceEvents(String name, Event... events) {
    ObjectNode b = body();
    ArrayNode list = b.putArray("Events");
    for (Event e : events) {
      list.addObject()
          .put("Time", e.time())
          .put("Type", e.type())
          .put("Reason", e.reason())
          .put("Resource", "Service")
          .put("Message", e.message());
    }
    b.put("PageNum", 1).put("TotalCount", events.length).put("TotalPageNum", 1);
    return wiring.register(
        "DescribeServiceEvent", service("GET", name, "/events", "DescribeServiceEvent"), ok(b));
  }

  /**
   * {@code GET .../diagnosis} answers one diagnosis.
   *
   * @param name service
   * @param error the error
   * @param cause a cause
   * @param advice an advice
   * @return the stub
   */
  public StubMapping describeServiceDiagnosis(
      String name, String error, String cause, String advice) {
    ObjectNode b = body();
    ObjectNode d = b.putArray("DiagnosisList").addObject().put("Error", error);
    d.putArray("Causes").add(cause);
    d.putArray("Advices").add(advice);
    return wiring.register(
        "DescribeServiceDiagnosis",
        service("GET", name, "/diagnosis", "DescribeServiceDiagnosis"),
        ok(b));
  }

  /**
   * The Service object's JSON (endpoints only for DescribeService).
   *
   * @param s fixture
   * @param withEndpoints whether to include endpoints
   * @return JSON
   */
  static ObjectNode serviceJson(EasServiceFixture s, boolean withEndpoints) {
    ObjectNode n = body();
    boolean running = "Running".equals(s.status());
    n.put("ServiceName", s.name())
        .put("ServiceId", "eas-m-" + Math.abs(s.name().hashCode()))
        .put("Region", "cn-shanghai")
        .put("Status", s.status())
        .put("Reason", s.status().toUpperCase(java.util.Locale.ROOT))
        .put("Message", s.message())
        .put("AccessToken", s.accessToken())
        .put("CurrentVersion", s.currentVersion())
        .put("LatestVersion", s.latestVersion())
        .put("TotalInstance", s.instances())
        .put("RunningInstance", running ? s.instances() : 0)
        .put("PendingInstance", running ? 0 : s.instances())
        .put("Image", s.image())
        .put("ServiceConfig", s.serviceConfig())
        .put("ServiceGroup", s.group())
        .put("TrafficState", s.trafficState())
        .put("Weight", s.weight())
        .put("AutoscalerEnabled", false)
        .put("CreateTime", CREATED)
        .put("UpdateTime", CREATED);
    n.putArray("Labels");
    if (withEndpoints) {
      n.put("InternetEndpoint", s.endpoint()).put("IntranetEndpoint", s.endpoint());
    }
    return n;
  }
}
