package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code ListJobs} filters, order and page (PAI_API.md §2.5): {@code DisplayName} (fuzzy,
 * case-insensitive), {@code JobId}, {@code JobIds} (comma list), {@code JobType}, {@code Status},
 * {@code WorkspaceId}, {@code ResourceId}, {@code PaymentType}, {@code Accessibility}, {@code Tags}
 * (a JSON map matched against {@code Settings.Tags}), {@code StartTime}/{@code EndTime} on the
 * creation time (default: the last 7 days), {@code SortBy}, {@code Order} (default {@code desc}),
 * {@code PageNumber} and {@code PageSize}. The {@code PageSize} default (20) and maximum (100) are
 * our reading.
 */
final class ListJobsQuery {
  static final int DEFAULT_PAGE_SIZE = 20;
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SORT_BY =
      Set.of("DisplayName", "JobType", "Status", "GmtCreateTime", "GmtFinishTime");

  final int pageNumber;
  final int pageSize;
  private final Predicate<DlcJob> filter;
  private final Comparator<DlcJob> order;

  private ListJobsQuery(
      int pageNumber, int pageSize, Predicate<DlcJob> filter, Comparator<DlcJob> order) {
    this.pageNumber = pageNumber;
    this.pageSize = pageSize;
    this.filter = filter;
    this.order = order;
  }

  /** Parses and validates the query; {@code now} anchors the default 7-day creation window. */
  static ListJobsQuery parse(QueryParams p, Instant now) {
    Predicate<DlcJob> f = j -> true;
    Optional<String> name = p.optional("DisplayName").map(s -> s.toLowerCase(Locale.ROOT));
    if (name.isPresent()) {
      f = f.and(j -> j.definition.displayName().toLowerCase(Locale.ROOT).contains(name.get()));
    }
    f = f.and(equal(p, "JobId", j -> j.id));
    f = f.and(equal(p, "JobType", j -> j.definition.jobType()));
    f = f.and(equal(p, "WorkspaceId", j -> j.definition.workspaceId()));
    f = f.and(equal(p, "ResourceId", j -> j.definition.resourceId()));
    f = f.and(equal(p, "PaymentType", j -> j.definition.paymentType()));
    f = f.and(equal(p, "Accessibility", j -> j.definition.accessibility()));
    List<String> ids = p.csv("JobIds");
    if (!ids.isEmpty()) {
      f = f.and(j -> ids.contains(j.id));
    }
    f = f.and(status(p)).and(tags(p)).and(created(p, now));
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", DEFAULT_PAGE_SIZE, 1, 100);
    return new ListJobsQuery(pageNumber, pageSize, f, order(p));
  }

  private static Predicate<DlcJob> status(QueryParams p) {
    Optional<String> status = p.optional("Status");
    if (status.isEmpty()) {
      return j -> true;
    }
    JobStatus s =
        JobStatus.fromWire(status.get())
            .orElseThrow(() -> ServiceError.invalid("Status", "a job status such as Running"));
    return j -> j.status == s;
  }

  private static Predicate<DlcJob> created(QueryParams p, Instant now) {
    Instant given = time(p, "StartTime");
    Instant start = given != null ? given : now.minus(DEFAULT_WINDOW);
    Instant end = time(p, "EndTime");
    return j ->
        (start == null || !j.createdAt.isBefore(start))
            && (end == null || !j.createdAt.isAfter(end));
  }

  /** The matching jobs in order. */
  List<DlcJob> apply(List<DlcJob> jobs) {
    return jobs.stream().filter(filter).sorted(order).toList();
  }

  private static Predicate<DlcJob> equal(
      QueryParams p, String name, Function<DlcJob, String> field) {
    Optional<String> v = p.optional(name);
    return v.isEmpty() ? j -> true : j -> v.get().equals(field.apply(j));
  }

  /** {@code Tags}: a JSON object; a job matches when its {@code Settings.Tags} has every pair. */
  private static Predicate<DlcJob> tags(QueryParams p) {
    Optional<String> raw = p.optional("Tags");
    if (raw.isEmpty()) {
      return j -> true;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(raw.get());
      if (node != null && node.isObject()) {
        node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return j -> j.definition.tags().entrySet().containsAll(tags.entrySet());
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw ServiceError.invalid(
        "Tags", "a JSON object of tag names to values, e.g. {\"team\":\"nlp\"}");
  }

  /** An optional ISO-8601 time parameter; {@code null} when absent. */
  static Instant time(QueryParams p, String name) {
    Optional<String> raw = p.optional(name);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(raw.get());
    } catch (DateTimeParseException e) {
      throw ServiceError.invalid(name, "an ISO-8601 UTC time such as 2026-01-12T14:35:01Z");
    }
  }

  private static Comparator<DlcJob> order(QueryParams p) {
    String sortBy = p.optional("SortBy").orElse("GmtCreateTime");
    if (!SORT_BY.contains(sortBy)) {
      throw ServiceError.invalid(
          "SortBy", "one of " + String.join(", ", SORT_BY.stream().sorted().toList()));
    }
    String order = p.optional("Order").orElse("desc");
    if (!order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
      throw ServiceError.invalid("Order", "asc or desc");
    }
    Comparator<DlcJob> c =
        switch (sortBy) {
          case "DisplayName" -> Comparator.comparing(j -> j.definition.displayName());
          case "JobType" -> Comparator.comparing(j -> j.definition.jobType());
          case "Status" -> Comparator.comparing(j -> j.status.wire());
          case "GmtFinishTime" ->
              Comparator.comparing(
                  j -> j.finishedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
          default -> Comparator.comparing(j -> j.createdAt);
        };
    // Creation order breaks ties, so equal keys page stably.
    c = c.thenComparingLong(j -> j.sequence);
    return order.equalsIgnoreCase("asc") ? c : c.reversed();
  }
}
