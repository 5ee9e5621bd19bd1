package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link EasClient#listServices(ServiceFilter)} asks for ({@code ListServices} query,
 * PAI_API.md §3.5). Unset fields are not sent.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceFilter {
  /**
   * {@code Filter}: fuzzy name match.
   *
   * @return filter, if set
   */
  public abstract Optional<String> nameContains();

  /**
   * {@code ServiceStatus}.
   *
   * @return status, if set
   */
  public abstract Optional<ServiceStatus> status();

  /**
   * {@code GroupName}.
   *
   * @return group, if set
   */
  public abstract Optional<String> group();

  /**
   * {@code WorkspaceId}.
   *
   * @return workspace, if set
   */
  public abstract Optional<String> workspaceId();

  /**
   * {@code Label}: services carrying all these labels.
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

  /**
   * {@code PageSize}: services per request (EAS default 100).
   *
   * @return page size
   */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /**
   * Every service.
   *
   * @return the empty filter
   */
  public static ServiceFilter all() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    SpecRules.range("pageSize", pageSize(), 1, 100);
  }

  /** Builder for {@link ServiceFilter}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceFilter.Builder {
    Builder() {}
  }
}
