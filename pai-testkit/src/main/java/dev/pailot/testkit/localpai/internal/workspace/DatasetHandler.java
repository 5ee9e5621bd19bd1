package dev.pailot.testkit.localpai.internal.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.JsonBody;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AIWorkspace 2021-02-04 (ROA) datasets: {@code CreateDataset}, {@code GetDataset}, {@code
 * ListDatasets}, {@code DeleteDataset}. The URI must match the data source type ({@code
 * oss://bucket.endpoint/path} for OSS, {@code nas://fsid.region/path} for NAS, CPFS included).
 * Names are unique within a workspace (our reading). Thread-safe.
 */
final class DatasetHandler implements ProductHandler {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,126}");
  private static final Pattern OSS_URI =
      Pattern.compile("oss://[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\.[a-z0-9-]+(\\.[a-z0-9-]+)+/.*");
  private static final Pattern NAS_URI =
      Pattern.compile("nas://[a-z0-9][a-z0-9-]*\\.[a-z0-9-]+(\\.[a-z0-9-]+)*/.*");
  private static final List<String> DATA_TYPES = List.of("COMMON", "PIC", "TEXT", "VIDEO", "AUDIO");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Emulation emulation;
  private final WorkspaceState state;
  private final RoaRoutes routes;

  DatasetHandler(Emulation emulation, WorkspaceState state) {
    this.emulation = emulation;
    this.state = state;
    this.routes =
        RoaRoutes.builder()
            .route("POST", "/api/v1/datasets", "CreateDataset", this::create)
            .route("GET", "/api/v1/datasets", "ListDatasets", this::list)
            .route("GET", "/api/v1/datasets/{DatasetId}", "GetDataset", this::get)
            .route("DELETE", "/api/v1/datasets/{DatasetId}", "DeleteDataset", this::delete)
            .build();
  }

  @Override
  public Product product() {
    return Product.AIWORKSPACE;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return routes.resolve(request);
  }

  private static ServiceError notFound(String id) {
    return ServiceError.notFound("201300003", "Dataset not found: " + id + ".");
  }

  private ObjectNode create(ControlRequest request) {
    JsonBody body = request.json();
    String name = body.required("Name");
    if (!NAME.matcher(name).matches()) {
      throw ServiceError.invalid(
          "Name", "1 to 127 letters, digits, '_' or '-', starting with a letter or digit");
    }
    String type = oneOf(body.required("DataSourceType"), "DataSourceType", List.of("OSS", "NAS"));
    String uri = body.required("Uri");
    Pattern uriRule = type.equals("OSS") ? OSS_URI : NAS_URI;
    if (!uriRule.matcher(uri).matches()) {
      throw ServiceError.invalid(
          "Uri",
          type.equals("OSS")
              ? "an OSS URI oss://bucket.endpoint/path for DataSourceType OSS"
              : "a NAS URI nas://filesystem-id.region/path for DataSourceType NAS");
    }
    String property = oneOf(body.required("Property"), "Property", List.of("FILE", "DIRECTORY"));
    String accessibility =
        oneOf(
            body.text("Accessibility").orElse("PRIVATE"),
            "Accessibility",
            List.of("PRIVATE", "PUBLIC"));
    String dataType =
        oneOf(
            body.text("DataType").orElse("COMMON").toUpperCase(Locale.ROOT),
            "DataType",
            DATA_TYPES);
    String options = body.text("Options").orElse("");
    checkOptions(options);
    Map<String, String> labels = labels(body);
    String workspaceId = body.text("WorkspaceId").orElse("");
    String description = body.text("Description").orElse("");
    Dataset created =
        state.atomically(
            () -> {
              if (!workspaceId.isEmpty() && state.workspace(workspaceId).isEmpty()) {
                throw WorkspaceHandler.notFound(workspaceId);
              }
              boolean taken =
                  state.datasets().stream()
                      .anyMatch(d -> d.workspaceId().equals(workspaceId) && d.name().equals(name));
              if (taken) {
                throw new ServiceError(
                    409,
                    "DatasetNameAlreadyExists",
                    "A dataset named " + name + " already exists in this workspace.");
              }
              Dataset d =
                  new Dataset(
                      emulation.newId("d-", 22),
                      name,
                      description,
                      workspaceId,
                      type,
                      uri,
                      property,
                      dataType,
                      accessibility,
                      options,
                      labels,
                      emulation.now());
              state.putDataset(d);
              return d;
            });
    return JsonNodeFactory.instance.objectNode().put("DatasetId", created.id());
  }

  private static String oneOf(String value, String name, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw ServiceError.invalid(name, "one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static void checkOptions(String options) {
    if (options.isEmpty()) {
      return;
    }
    try {
      if (JSON.readTree(options) instanceof ObjectNode) {
        return;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw ServiceError.invalid(
        "Options", "a JSON object as a string, e.g. {\"mountPath\":\"/mnt/data/\"}");
  }

  private static Map<String, String> labels(JsonBody body) {
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<JsonNode> node = body.node("Labels");
    if (node.isEmpty()) {
      return labels;
    }
    if (!node.get().isArray()) {
      throw ServiceError.invalid("Labels", "an array of {\"Key\":..,\"Value\":..}");
    }
    for (JsonNode label : node.get()) {
      JsonNode key = label.get("Key");
      if (key == null || !key.isTextual() || key.asText().isEmpty()) {
        throw ServiceError.invalid("Labels", "every label needs a non-empty Key");
      }
      JsonNode value = label.get("Value");
      labels.put(key.asText(), value == null ? "" : value.asText());
    }
    return Map.copyOf(labels);
  }

  private ObjectNode get(ControlRequest request) {
    String id = request.pathParams().get("DatasetId");
    return toJson(state.dataset(id).orElseThrow(() -> notFound(id)));
  }

  private ObjectNode list(ControlRequest request) {
    QueryParams p = request.params();
    Optional<String> workspaceId = p.optional("WorkspaceId");
    Optional<String> name = p.optional("Name").map(n -> n.toLowerCase(Locale.ROOT));
    List<String> types = p.csv("DataSourceTypes");
    List<String> properties = p.csv("Properties");
    List<String> dataTypes = p.csv("DataTypes");
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 10, 1, 100);
    boolean descending = p.optional("Order").map("DESC"::equalsIgnoreCase).orElse(false);
    List<Dataset> matching =
        state.datasets().stream()
            .filter(d -> workspaceId.isEmpty() || workspaceId.get().equals(d.workspaceId()))
            .filter(d -> name.isEmpty() || d.name().toLowerCase(Locale.ROOT).contains(name.get()))
            .filter(d -> types.isEmpty() || types.contains(d.dataSourceType()))
            .filter(d -> properties.isEmpty() || properties.contains(d.property()))
            .filter(d -> dataTypes.isEmpty() || dataTypes.contains(d.dataType()))
            .toList();
    if (descending) {
      List<Dataset> reversed = new ArrayList<>(matching);
      Collections.reverse(reversed);
      matching = reversed;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("TotalCount", matching.size());
    var list = out.putArray("Datasets");
    Pages.page(matching, pageNumber, pageSize).forEach(d -> list.add(toJson(d)));
    return out;
  }

  private ObjectNode delete(ControlRequest request) {
    String id = request.pathParams().get("DatasetId");
    state.atomically(
        () -> {
          state.dataset(id).orElseThrow(() -> notFound(id));
          state.removeDataset(id);
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }

  private ObjectNode toJson(Dataset d) {
    String created = Emulation.millis(d.createdAt());
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("DatasetId", d.id())
            .put("Name", d.name())
            .put("Description", d.description())
            .put("WorkspaceId", d.workspaceId())
            .put("DataSourceType", d.dataSourceType())
            .put("Uri", d.uri())
            .put("Property", d.property())
            .put("DataType", d.dataType())
            .put("Accessibility", d.accessibility())
            .put("SourceType", "USER")
            .put("Options", d.options())
            .put("ProviderType", "Ecs")
            .put("MountAccess", "RW")
            .put("OwnerId", emulation.accountId())
            .put("UserId", emulation.accountId())
            .put("GmtCreateTime", created)
            .put("GmtModifiedTime", created);
    var labels = n.putArray("Labels");
    d.labels().forEach((k, v) -> labels.addObject().put("Key", k).put("Value", v));
    n.putObject("LatestVersion")
        .put("VersionName", "v1")
        .put("DatasetId", d.id())
        .put("DataSourceType", d.dataSourceType())
        .put("Uri", d.uri())
        .put("Property", d.property())
        .put("GmtCreateTime", created);
    return n;
  }
}
