package dev.pailot.serving.eas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.paging.Page;
import dev.pailot.core.paging.Paginator;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceDiagnosis;
import dev.pailot.serving.eas.ServiceEvent;
import dev.pailot.serving.eas.ServiceFilter;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.eas.ServiceVersion;
import dev.pailot.serving.eas.internal.wire.DiagnosisResponse;
import dev.pailot.serving.eas.internal.wire.EventsResponse;
import dev.pailot.serving.eas.internal.wire.ListServicesResponse;
import dev.pailot.serving.eas.internal.wire.ListVersionsResponse;
import dev.pailot.serving.eas.internal.wire.ServiceItem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * EAS service operations (PAI_API.md §3.1), typed, over the one control-plane pipeline. Reads,
 * starts, stops, scales, version switches and deletes are idempotent and retried on transient
 * failures; CreateService and UpdateService (which adds a version) are retried only on throttling.
 * Thread-safe.
 */
public final class EasApi {
  static final String SERVICES = "/api/v2/services";
  static final String SERVICE = SERVICES + "/{ClusterId}/{ServiceName}";

  static final Operation CREATE = op("CreateService", "POST", SERVICES, false);
  static final Operation DESCRIBE = op("DescribeService", "GET", SERVICE, true);
  static final Operation LIST = op("ListServices", "GET", SERVICES, true);
  static final Operation UPDATE = op("UpdateService", "PUT", SERVICE, false);
  static final Operation UPDATE_VERSION =
      op("UpdateServiceVersion", "PUT", SERVICE + "/version", true);
  static final Operation LIST_VERSIONS =
      op("ListServiceVersions", "GET", SERVICE + "/versions", true);
  static final Operation DELETE = op("DeleteService", "DELETE", SERVICE, true);
  static final Operation START = op("StartService", "PUT", SERVICE + "/start", true);
  static final Operation STOP = op("StopService", "PUT", SERVICE + "/stop", true);
  static final Operation RESTART = op("RestartService", "PUT", SERVICE + "/restart", true);
  static final Operation SCALE = op("ScaleService", "PUT", SERVICE + "/scale", true);
  static final Operation EVENTS = op("DescribeServiceEvent", "GET", SERVICE + "/events", true);
  static final Operation DIAGNOSIS =
      op("DescribeServiceDiagnosis", "GET", SERVICE + "/diagnosis", true);

  private static final int EVENT_PAGE = 100;
  private static final int MAX_EVENT_PAGES = 20;

  private final PaiRuntime runtime;
  private final ObjectMapper json;

  /**
   * Creates the API over a runtime.
   *
   * @param runtime the runtime of a {@code Pai}
   */
  public EasApi(PaiRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.json = runtime.json();
  }

  static Operation op(String action, String method, String path, boolean idempotent) {
    return Operation.roa(Product.EAS, action, method, path, idempotent);
  }

  /**
   * The runtime.
   *
   * @return runtime
   */
  public PaiRuntime runtime() {
    return runtime;
  }

  ApiRequest.Builder on(Operation op, String name) {
    return ApiRequest.of(op).path("ClusterId", runtime.config().region()).path("ServiceName", name);
  }

  JsonNode send(ApiRequest request, String name) {
    try {
      return runtime.call(request).body();
    } catch (ResourceNotFoundException e) {
      // InvalidService.NotFound is the service; InvalidAutoscaler.NotFound etc. a sub-resource.
      if (e.errorCode().filter(c -> !c.startsWith("InvalidService")).isPresent()) {
        throw e;
      }
      throw notFound(e, name);
    }
  }

  static ResourceNotFoundException notFound(ResourceNotFoundException e, String name) {
    return new ResourceNotFoundException(
        "EAS service \""
            + name
            + "\" was not found ("
            + e.errorCode().orElse("404")
            + "). Check the name and the"
            + " region, or list services.",
        null,
        e);
  }

  <T> T read(JsonNode body, Class<T> type, String action) {
    try {
      return json.treeToValue(body, type);
    } catch (IOException e) {
      throw new PaiException("EAS " + action + " returned a body Pailot cannot read", null, e);
    }
  }

  /**
   * CreateService with the raw spec JSON and the labels as the {@code Labels} query parameter (a
   * JSON map; none when empty), then DescribeService for the full object.
   *
   * @param spec the spec
   * @param labels labels to set on create
   * @return the service as created
   */
  public EasService create(ServiceSpec spec, Map<String, String> labels) {
    ApiRequest request =
        ApiRequest.of(CREATE)
            .query("WorkspaceId", spec.metadata().workspaceId().orElse(null))
            .queryJson("Labels", labels)
            .rawBody(spec.toJson())
            .build();
    runtime.call(request);
    return describe(spec.name());
  }

  /**
   * UpdateService.
   *
   * @param name service
   * @param spec new JSON (a partial spec for merge)
   * @param replace {@code UpdateType=replace} instead of merge
   */
  public void update(String name, ObjectNode spec, boolean replace) {
    send(
        on(UPDATE, name)
            .query("UpdateType", replace ? "replace" : "merge")
            .rawBody(spec.toString())
            .build(),
        name);
  }

  /**
   * DescribeService.
   *
   * @param name service
   * @return the service
   */
  public EasService describe(String name) {
    return EasMapping.service(
        read(send(on(DESCRIBE, name).build(), name), ServiceItem.class, "DescribeService"));
  }

  /**
   * ListServices, lazily.
   *
   * @param f filter
   * @return paginator
   */
  public Paginator<EasService> list(ServiceFilter f) {
    return Paginator.byPageNumber(
        f.pageSize(),
        page -> {
          ApiRequest request =
              ApiRequest.of(LIST)
                  .query("Filter", f.nameContains().orElse(null))
                  .query("ServiceStatus", f.status().map(ServiceStatus::wireValue).orElse(null))
                  .query("GroupName", f.group().orElse(null))
                  .query("WorkspaceId", f.workspaceId().orElse(null))
                  .queryJson("Label", f.labels())
                  .query("PageNumber", page)
                  .query("PageSize", f.pageSize())
                  .build();
          ListServicesResponse r =
              read(runtime.call(request).body(), ListServicesResponse.class, "ListServices");
          List<EasService> items =
              r.services() == null
                  ? List.of()
                  : r.services().stream()
                      .filter(Objects::nonNull)
                      .map(EasMapping::service)
                      .toList();
          return Page.numbered(items, r.totalCount());
        });
  }

  /**
   * A PUT action with no body (start, stop, restart).
   *
   * @param op operation
   * @param name service
   */
  public void action(Operation op, String name) {
    send(on(op, name).build(), name);
  }

  /**
   * DeleteService.
   *
   * @param name service
   * @return false if it did not exist
   */
  public boolean delete(String name) {
    try {
      runtime.call(on(DELETE, name).build());
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /**
   * ScaleService.
   *
   * @param name service
   * @param instances replicas
   */
  public void scale(String name, int instances) {
    send(on(SCALE, name).body(json.createObjectNode().put("Instance", instances)).build(), name);
  }

  /**
   * UpdateServiceVersion.
   *
   * @param name service
   * @param version version to switch to
   */
  public void switchVersion(String name, int version) {
    send(
        on(UPDATE_VERSION, name).body(json.createObjectNode().put("Version", version)).build(),
        name);
  }

  /**
   * ListServiceVersions, every page.
   *
   * @param name service
   * @return versions as EAS orders them (newest first)
   */
  public List<ServiceVersion> versions(String name) {
    return Paginator.byPageNumber(
            100,
            page -> {
              ListVersionsResponse r =
                  read(
                      send(
                          on(LIST_VERSIONS, name)
                              .query("PageNumber", page)
                              .query("PageSize", 100)
                              .build(),
                          name),
                      ListVersionsResponse.class,
                      "ListServiceVersions");
              List<ServiceVersion> items =
                  r.versions() == null
                      ? List.of()
                      : r.versions().stream()
                          .filter(Objects::nonNull)
                          .map(EasMapping::version)
                          .toList();
              return Page.numbered(items, r.totalCount());
            })
        .stream()
        .toList();
  }

  /**
   * DescribeServiceEvent from {@code since}, every page up to 2,000 events.
   *
   * @param name service
   * @param since start time, or {@code null} for EAS's default (7 days)
   * @return events, oldest first as EAS returns them
   */
  public List<ServiceEvent> events(String name, Instant since) {
    List<ServiceEvent> out = new ArrayList<>();
    for (int page = 1; page <= MAX_EVENT_PAGES; page++) {
      ApiRequest request =
          on(EVENTS, name)
              .query("StartTime", since == null ? null : EasMapping.EVENT_TIME.format(since))
              .query("PageNum", page)
              .query("PageSize", EVENT_PAGE)
              .build();
      EventsResponse r = read(send(request, name), EventsResponse.class, "DescribeServiceEvent");
      List<ServiceEvent> items =
          r.events() == null
              ? List.of()
              : r.events().stream().filter(Objects::nonNull).map(EasMapping::event).toList();
      out.addAll(items);
      int pages = r.totalPageNum() == null ? page : r.totalPageNum();
      if (items.size() < EVENT_PAGE || page >= pages) {
        break;
      }
    }
    return out;
  }

  /**
   * DescribeServiceDiagnosis.
   *
   * @param name service
   * @return diagnoses
   */
  public List<ServiceDiagnosis> diagnosis(String name) {
    DiagnosisResponse r =
        read(
            send(on(DIAGNOSIS, name).build(), name),
            DiagnosisResponse.class,
            "DescribeServiceDiagnosis");
    return r.diagnosisList() == null
        ? List.of()
        : r.diagnosisList().stream().filter(Objects::nonNull).map(EasMapping::diagnosis).toList();
  }
}
