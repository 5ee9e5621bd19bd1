package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * EAS {@code DescribeServiceEvent}: a service's events, oldest first, filtered by time window
 * ({@code StartTime}/{@code EndTime} in {@code 2006-01-02 15:04:05} UTC; default the last 7 days),
 * {@code EventType} and {@code InstanceName}, paged by {@code PageNum}/{@code PageSize}.
 * Thread-safe; never blocks.
 */
final class EventHandler implements ProductHandler {
  private final EasContext ctx;
  private final RoaRoutes routes;

  EventHandler(EasContext ctx) {
    this.ctx = ctx;
    this.routes =
        RoaRoutes.builder()
            .route(
                "GET",
                "/api/v2/services/{ClusterId}/{ServiceName}/events",
                "DescribeServiceEvent",
                this::events)
            .build();
  }

  @Override
  public Product product() {
    return Product.EAS;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return routes.resolve(request);
  }

  private ObjectNode events(ControlRequest request) {
    QueryParams p = request.params();
    Predicate<ServiceEvent> filter = filter(p);
    int pageNum = p.integer("PageNum", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 100, 1, 1000);
    return ctx.store.atomically(
        () -> {
          List<ServiceEvent> matching =
              ctx.service(request).events.stream()
                  .filter(filter)
                  .sorted(Comparator.comparing(ServiceEvent::time))
                  .toList();
          ObjectNode out =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("PageNum", pageNum)
                  .put("TotalCount", matching.size())
                  .put("TotalPageNum", (matching.size() + pageSize - 1) / pageSize);
          ArrayNode items = out.putArray("Events");
          for (ServiceEvent e : Pages.page(matching, pageNum, pageSize)) {
            items
                .addObject()
                .put("Time", ServiceEvent.TIME.format(e.time()))
                .put("Type", e.type())
                .put("Reason", e.reason())
                .put("Resource", e.resource())
                .put("Message", e.message());
          }
          return out;
        });
  }

  private Predicate<ServiceEvent> filter(QueryParams p) {
    Instant start = time(p, "StartTime").orElse(ctx.emulation.now().minus(Duration.ofDays(7)));
    // EAS times have whole seconds: an event in the EndTime second still counts.
    Optional<Instant> end = time(p, "EndTime").map(t -> t.plusSeconds(1));
    Optional<String> type = p.optional("EventType");
    if (type.isPresent() && !type.get().equals("Normal") && !type.get().equals("Warning")) {
      throw ServiceError.invalid("EventType", "Normal or Warning");
    }
    Optional<String> instance = p.optional("InstanceName");
    return e ->
        !e.time().isBefore(start)
            && (end.isEmpty() || e.time().isBefore(end.get()))
            && (type.isEmpty() || type.get().equals(e.type()))
            && (instance.isEmpty() || instance.get().equals(e.instance()));
  }

  private static Optional<Instant> time(QueryParams p, String name) {
    Optional<String> raw = p.optional(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDateTime.parse(raw.get().trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw ServiceError.invalid(name, "UTC time as yyyy-MM-dd HH:mm:ss");
    }
  }
}
