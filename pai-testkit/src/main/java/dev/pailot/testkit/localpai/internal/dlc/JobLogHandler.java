package dev.pailot.testkit.localpai.internal.dlc;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * DLC {@code GetJobEvents} and {@code GetPodLogs} (PAI_API.md §2.7): a time window ({@code
 * StartTime}/{@code EndTime}, default the last 7 days) and a count ({@code MaxEventsNum}/{@code
 * MaxLines}, default 2000). When more match than the count, the newest are returned (a tail, our
 * reading); page back by moving {@code EndTime}.
 */
final class JobLogHandler implements ProductHandler {
  private static final int DEFAULT_COUNT = 2000;
  private static final int MAX_COUNT = 100_000;
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private final DlcContext context;
  private final JobStore store;
  private final RoaRoutes routes;

  JobLogHandler(DlcContext context, JobStore store) {
    this.context = context;
    this.store = store;
    this.routes =
        RoaRoutes.builder()
            .route("GET", "/api/v1/jobs/{JobId}/events", "GetJobEvents", this::events)
            .route("GET", "/api/v1/jobs/{JobId}/pods/{PodId}/logs", "GetPodLogs", this::logs)
            .build();
  }

  @Override
  public Product product() {
    return Product.DLC;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return routes.resolve(request);
  }

  private ObjectNode events(ControlRequest request) {
    String id = request.pathParams().get("JobId");
    QueryParams p = request.params();
    Window w = window(p);
    int max = p.integer("MaxEventsNum", DEFAULT_COUNT, 1, MAX_COUNT);
    List<String> events =
        store.locked(
            () ->
                tail(
                    JobHandler.find(store, id).events.stream()
                        .filter(e -> w.contains(e.time()))
                        // A scheduler notice is dated when seen; other events when due.
                        .sorted(Comparator.comparing(JobEvent::time))
                        .map(JobEvent::render)
                        .toList(),
                    max));
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("JobId", id);
    ArrayNode list = out.putArray("Events");
    events.forEach(list::add);
    return out;
  }

  private ObjectNode logs(ControlRequest request) {
    String id = request.pathParams().get("JobId");
    String podId = request.pathParams().get("PodId");
    QueryParams p = request.params();
    Window w = window(p);
    int max = p.integer("MaxLines", DEFAULT_COUNT, 1, MAX_COUNT);
    p.bool("DownloadToFile");
    Optional<String> uid = p.optional("PodUid");
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("JobId", id).put("PodId", podId);
    List<String> lines =
        store.locked(
            () -> {
              DlcJob job = JobHandler.find(store, id);
              Pod pod =
                  job.pods.stream()
                      .filter(x -> x.podId.equals(podId) && uid.map(x.podUid::equals).orElse(true))
                      .findFirst()
                      .orElseThrow(() -> podNotFound(id, podId));
              out.put("PodUid", pod.podUid);
              return tail(
                  job.logs.stream()
                      .filter(l -> l.printedBy(podId) && w.contains(l.time()))
                      .map(LogLine::render)
                      .toList(),
                  max);
            });
    ArrayNode list = out.putArray("Logs");
    lines.forEach(list::add);
    return out;
  }

  /** Our reading of DLC's answer for a pod the job does not have. */
  private static ServiceError podNotFound(String jobId, String podId) {
    return ServiceError.notFound(
        "PodNotFound", "The pod " + podId + " does not exist in job " + jobId + ".");
  }

  private Window window(QueryParams p) {
    Instant end = ListJobsQuery.time(p, "EndTime");
    Instant start = ListJobsQuery.time(p, "StartTime");
    Instant to = end == null ? Instant.MAX : end;
    Instant from = start == null ? context.now().minus(DEFAULT_WINDOW) : start;
    if (from.isAfter(to)) {
      throw ServiceError.invalid("StartTime", "must not be after EndTime");
    }
    return new Window(from, to);
  }

  private static List<String> tail(List<String> all, int max) {
    return all.size() <= max ? all : all.subList(all.size() - max, all.size());
  }

  private record Window(Instant from, Instant to) {
    boolean contains(Instant t) {
      return !t.isBefore(from) && !t.isAfter(to);
    }
  }
}
