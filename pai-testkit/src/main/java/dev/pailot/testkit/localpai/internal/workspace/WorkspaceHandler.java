package dev.pailot.testkit.localpai.internal.workspace;

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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AIWorkspace 2021-02-04 (ROA) workspaces: {@code CreateWorkspace}, {@code GetWorkspace}, {@code
 * ListWorkspaces}, {@code DeleteWorkspace}. A new workspace is {@code INITIALIZING} for {@value
 * #INITIALIZING_MINUTES} emulated minutes, then {@code ENABLED}. Thread-safe.
 */
final class WorkspaceHandler implements ProductHandler {
  static final double INITIALIZING_MINUTES = 2;

  /**
   * Our reading of the console's rule (not confirmed by an API document): a letter, then letters,
   * digits or underscores, 3 to 23 characters in all.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,22}");

  private static final Set<Set<String>> ENV_TYPES = Set.of(Set.of("prod"), Set.of("dev", "prod"));

  private final Emulation emulation;
  private final WorkspaceState state;
  private final RoaRoutes routes;

  WorkspaceHandler(Emulation emulation, WorkspaceState state) {
    this.emulation = emulation;
    this.state = state;
    this.routes =
        RoaRoutes.builder()
            .route("POST", "/api/v1/workspaces", "CreateWorkspace", this::create)
            .route("GET", "/api/v1/workspaces", "ListWorkspaces", this::list)
            .route("GET", "/api/v1/workspaces/{WorkspaceId}", "GetWorkspace", this::get)
            .route("DELETE", "/api/v1/workspaces/{WorkspaceId}", "DeleteWorkspace", this::delete)
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

  static ServiceError notFound(String id) {
    return ServiceError.notFound("100400008", "Workspace not found: " + id + ".");
  }

  private ObjectNode create(ControlRequest request) {
    JsonBody body = request.json();
    String name = body.required("WorkspaceName");
    if (!NAME.matcher(name).matches()) {
      throw ServiceError.invalid(
          "WorkspaceName",
          "3 to 23 letters, digits or underscores, starting with a letter; got \"" + name + "\"");
    }
    String description = body.required("Description");
    if (description.length() > 80) {
      throw ServiceError.invalid("Description", "at most 80 characters");
    }
    List<String> envTypes = body.strings("EnvTypes");
    if (envTypes.isEmpty()) {
      throw ServiceError.missing("EnvTypes");
    }
    if (!ENV_TYPES.contains(Set.copyOf(envTypes))
        || envTypes.size() != Set.copyOf(envTypes).size()) {
      throw ServiceError.invalid("EnvTypes", "[\"prod\"] (basic) or [\"dev\",\"prod\"] (standard)");
    }
    String displayName = body.text("DisplayName").orElse(name);
    Workspace created =
        state.atomically(
            () -> {
              if (state.workspaces().stream().anyMatch(w -> w.name().equals(name))) {
                throw new ServiceError(
                    409,
                    "WorkspaceNameAlreadyExists",
                    "A workspace named " + name + " already exists.");
              }
              Workspace w =
                  new Workspace(
                      state.newWorkspaceId(),
                      name,
                      displayName,
                      description,
                      envTypes.contains("dev") ? List.of("dev", "prod") : List.of("prod"),
                      emulation.now());
              state.putWorkspace(w);
              return w;
            });
    return JsonNodeFactory.instance.objectNode().put("WorkspaceId", created.id());
  }

  private ObjectNode get(ControlRequest request) {
    String id = request.pathParams().get("WorkspaceId");
    return toJson(state.workspace(id).orElseThrow(() -> notFound(id)));
  }

  private ObjectNode list(ControlRequest request) {
    QueryParams p = request.params();
    Optional<String> name = p.optional("WorkspaceName");
    List<String> ids = p.csv("WorkspaceIds");
    Optional<String> status = p.optional("Status");
    String sortBy = p.optional("SortBy").orElse("GmtCreateTime");
    String order = p.optional("Order").orElse("ASC");
    if (!sortBy.equals("GmtCreateTime") && !sortBy.equals("GmtModifiedTime")) {
      throw ServiceError.invalid("SortBy", "GmtCreateTime or GmtModifiedTime");
    }
    if (!order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
      throw ServiceError.invalid("Order", "ASC or DESC");
    }
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 20, 1, 100);
    Comparator<Workspace> byTime =
        Comparator.comparing(
            sortBy.equals("GmtCreateTime") ? Workspace::createdAt : this::modifiedAt);
    List<Workspace> matching =
        state.workspaces().stream()
            .filter(w -> name.isEmpty() || name.get().equals(w.name()))
            .filter(w -> ids.isEmpty() || ids.contains(w.id()))
            .filter(w -> status.isEmpty() || status.get().equals(status(w)))
            .sorted(order.equalsIgnoreCase("ASC") ? byTime : byTime.reversed())
            .toList();
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("TotalCount", matching.size());
    var list = out.putArray("Workspaces");
    Pages.page(matching, pageNumber, pageSize).forEach(w -> list.add(toJson(w)));
    return out;
  }

  private ObjectNode delete(ControlRequest request) {
    String id = request.pathParams().get("WorkspaceId");
    state.atomically(
        () -> {
          state.workspace(id).orElseThrow(() -> notFound(id));
          state.removeWorkspace(id);
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }

  private String status(Workspace w) {
    return emulation.elapsed(w.createdAt(), INITIALIZING_MINUTES) ? "ENABLED" : "INITIALIZING";
  }

  private Instant modifiedAt(Workspace w) {
    Instant enabled = emulation.after(w.createdAt(), INITIALIZING_MINUTES);
    return emulation.now().isBefore(enabled) ? w.createdAt() : enabled;
  }

  private ObjectNode toJson(Workspace w) {
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("WorkspaceId", w.id())
            .put("WorkspaceName", w.name())
            .put("DisplayName", w.displayName())
            .put("Description", w.description())
            .put("Status", status(w))
            .put("GmtCreateTime", Emulation.millis(w.createdAt()))
            .put("GmtModifiedTime", Emulation.millis(modifiedAt(w)))
            .put("Creator", emulation.accountId())
            .put("IsDefault", false);
    var env = n.putArray("EnvTypes");
    w.envTypes().forEach(env::add);
    n.putArray("AdminNames");
    n.putObject("ExtraInfos");
    return n;
  }
}
