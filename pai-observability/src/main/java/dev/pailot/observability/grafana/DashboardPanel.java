package dev.pailot.observability.grafana;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One time-series panel of {@link PailotDashboard}: a title, a Grafana unit and its PromQL queries
 * (which may use the dashboard's {@code $service_name} variable and {@code $__rate_interval}).
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class DashboardPanel {
  /**
   * The panel's title.
   *
   * @return the title
   */
  @Value.Parameter
  public abstract String title();

  /**
   * Grafana's unit id, e.g. {@code s}, {@code percentunit}, {@code reqps}, {@code short}.
   *
   * @return the unit
   */
  @Value.Parameter
  public abstract String unit();

  /**
   * The queries, each drawn as series with its legend.
   *
   * @return PromQL expressions
   */
  @Value.Parameter
  public abstract List<String> queries();

  /**
   * A panel.
   *
   * @param title the title
   * @param unit Grafana's unit id
   * @param queries the PromQL queries
   * @return the panel
   */
  public static DashboardPanel of(String title, String unit, String... queries) {
    return ImmutableDashboardPanel.of(title, unit, List.of(queries));
  }
}
