package dev.pailot.testkit.localpai.internal.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RPC routing: the action comes from the {@code x-acs-action} header (V3 signing puts it there; the
 * legacy {@code Action} query parameter is accepted too). Immutable once built.
 */
public final class RpcActions {
  private final Map<String, ApiOperation> actions;

  private RpcActions(Map<String, ApiOperation> actions) {
    this.actions = Map.copyOf(actions);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves a request by its action.
   *
   * @param request the request
   * @return the operation, or empty for an unknown action
   */
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    String action = request.header("x-acs-action");
    if (action == null) {
      action = request.query().get("Action");
    }
    ApiOperation op = action == null ? null : actions.get(action);
    return op == null ? Optional.empty() : Optional.of(new ResolvedOperation(action, request, op));
  }

  /** Builder. Not thread-safe. */
  public static final class Builder {
    private final Map<String, ApiOperation> actions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers an action.
     *
     * @param action action name
     * @param operation its body
     * @return this
     */
    public Builder on(String action, ApiOperation operation) {
      actions.put(action, operation);
      return this;
    }

    /**
     * Builds the table.
     *
     * @return table
     */
    public RpcActions build() {
      return new RpcActions(actions);
    }
  }
}
