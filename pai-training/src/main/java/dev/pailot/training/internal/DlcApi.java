package dev.pailot.training.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.Product;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.paging.Page;
import dev.pailot.core.paging.Paginator;
import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import dev.pailot.training.JobFilter;
import dev.pailot.training.JobSpec;
import dev.pailot.training.JobStatus;
import dev.pailot.training.JobType;
import dev.pailot.training.internal.wire.GetJobEventsResponse;
import dev.pailot.training.internal.wire.GetPodLogsResponse;
import dev.pailot.training.internal.wire.JobIdResponse;
import dev.pailot.training.internal.wire.JobItem;
import dev.pailot.training.internal.wire.ListJobsResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * DLC's job operations (PAI_API.md §2.1), typed, over the one control-plane pipeline. Reads, stops
 * and deletes are idempotent and retried on transient failures; CreateJob carries no {@code
 * ClientToken}, so the pipeline retries it only on throttling (PAI refused it, nothing was
 * created). Thread-safe.
 */
public final class DlcApi {
  static final Operation CREATE_JOB =
      Operation.roa(Product.DLC, "CreateJob", "POST", "/api/v1/jobs", false);
  static final Operation GET_JOB = get("GetJob", "/api/v1/jobs/{JobId}");
  static final Operation LIST_JOBS = get("ListJobs", "/api/v1/jobs");
  static final Operation STOP_JOB =
      Operation.roa(Product.DLC, "StopJob", "POST", "/api/v1/jobs/{JobId}/stop", true);
  static final Operation DELETE_JOB =
      Operation.roa(Product.DLC, "DeleteJob", "DELETE", "/api/v1/jobs/{JobId}", true);
  static final Operation GET_JOB_EVENTS = get("GetJobEvents", "/api/v1/jobs/{JobId}/events");
  static final Operation GET_POD_LOGS = get("GetPodLogs", "/api/v1/jobs/{JobId}/pods/{PodId}/logs");

  /**
   * One GetPodLogs window.
   *
   * @param start {@code StartTime}, or {@code null} for DLC's default (7 days back)
   * @param end {@code EndTime}, or {@code null} for now
   * @param maxLines {@code MaxLines}
   * @param podUid {@code PodUid}, or {@code null}
   */
  public record PodLogQuery(Instant start, Instant end, int maxLines, String podUid) {}

  private final PaiRuntime runtime;
  private final ObjectMapper json;

  /**
   * Creates the API over a runtime.
   *
   * @param runtime the runtime of a {@code Pai}
   */
  public DlcApi(PaiRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.json = runtime.json();
  }

  private static Operation get(String action, String path) {
    return Operation.roa(Product.DLC, action, "GET", path, true);
  }

  /**
   * The runtime (listener, configuration).
   *
   * @return runtime
   */
  public PaiRuntime runtime() {
    return runtime;
  }

  /**
   * Sends CreateJob once (the pipeline retries throttling only).
   *
   * @param spec a validated spec
   * @return the new job's id
   */
  public String createJob(JobSpec spec) {
    ApiRequest request =
        ApiRequest.of(CREATE_JOB).body(json.valueToTree(SpecMapping.createJob(spec))).build();
    String id = read(runtime.call(request).body(), JobIdResponse.class, "CreateJob").jobId();
    if (id == null || id.isBlank()) {
      throw new PaiException(
          "DLC CreateJob for job \""
              + spec.displayName()
              + "\" succeeded but returned no JobId; list jobs by display name before creating"
              + " it again");
    }
    return id;
  }

  /**
   * Reads one job with details.
   *
   * @param jobId job id
   * @return the job
   * @throws ResourceNotFoundException naming the job, if it does not exist
   */
  public Job getJob(String jobId) {
    ApiRequest request =
        ApiRequest.of(GET_JOB).path("JobId", jobId).query("NeedDetail", "true").build();
    try {
      return JobMapping.job(read(runtime.call(request).body(), JobItem.class, "GetJob"));
    } catch (ResourceNotFoundException e) {
      throw notFound(e, jobId);
    }
  }

  /**
   * Lists jobs lazily.
   *
   * @param f the filter
   * @return lazy paginator
   */
  public Paginator<Job> listJobs(JobFilter f) {
    return Paginator.byPageNumber(
        f.pageSize(),
        page -> {
          ApiRequest request =
              ApiRequest.of(LIST_JOBS)
                  .query("WorkspaceId", f.workspaceId().orElse(null))
                  .query("DisplayName", f.displayName().orElse(null))
                  .query("Status", f.status().map(JobStatus::wireValue).orElse(null))
                  .query("JobType", f.jobType().map(JobType::wireValue).orElse(null))
                  .query("ResourceId", f.resourceId().orElse(null))
                  .queryJson("Tags", f.tags())
                  .queryCsv("JobIds", f.jobIds())
                  .query("StartTime", f.createdAfter().map(WireTimes::format).orElse(null))
                  .query("EndTime", f.createdBefore().map(WireTimes::format).orElse(null))
                  .query("ShowOwn", f.showOwn().orElse(null))
                  .query("SortBy", f.sortBy().map(JobFilter.SortField::wireValue).orElse(null))
                  .query("Order", f.order().map(JobFilter.Order::wireValue).orElse(null))
                  .query("PageNumber", page)
                  .query("PageSize", f.pageSize())
                  .build();
          ListJobsResponse r =
              read(runtime.call(request).body(), ListJobsResponse.class, "ListJobs");
          List<Job> items =
              r.jobs() == null
                  ? List.of()
                  : r.jobs().stream().filter(Objects::nonNull).map(JobMapping::job).toList();
          return Page.numbered(items, r.totalCount());
        });
  }

  /**
   * Stops a job.
   *
   * @param jobId job id
   * @throws ResourceNotFoundException naming the job, if it does not exist
   */
  public void stopJob(String jobId) {
    try {
      runtime.call(ApiRequest.of(STOP_JOB).path("JobId", jobId).build());
    } catch (ResourceNotFoundException e) {
      throw notFound(e, jobId);
    }
  }

  /**
   * Deletes a finished or stopped job.
   *
   * @param jobId job id
   * @return {@code false} if it did not exist
   */
  public boolean deleteJob(String jobId) {
    try {
      runtime.call(ApiRequest.of(DELETE_JOB).path("JobId", jobId).build());
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /**
   * Reads a job's events.
   *
   * @param jobId job id
   * @param maxEvents {@code MaxEventsNum}, or {@code null} for DLC's default (2,000)
   * @return events, oldest first
   */
  public List<JobEvent> events(String jobId, Integer maxEvents) {
    ApiRequest request =
        ApiRequest.of(GET_JOB_EVENTS).path("JobId", jobId).query("MaxEventsNum", maxEvents).build();
    try {
      GetJobEventsResponse r =
          read(runtime.call(request).body(), GetJobEventsResponse.class, "GetJobEvents");
      return r.events() == null
          ? List.of()
          : r.events().stream().filter(Objects::nonNull).map(JobMapping::event).toList();
    } catch (ResourceNotFoundException e) {
      throw notFound(e, jobId);
    }
  }

  /**
   * Reads one window of a pod's log.
   *
   * @param jobId job id
   * @param podId pod id
   * @param q the window
   * @return lines, oldest first
   */
  public List<String> podLogs(String jobId, String podId, PodLogQuery q) {
    ApiRequest request =
        ApiRequest.of(GET_POD_LOGS)
            .path("JobId", jobId)
            .path("PodId", podId)
            .query("PodUid", q.podUid())
            .query("StartTime", q.start() == null ? null : WireTimes.format(q.start()))
            .query("EndTime", q.end() == null ? null : WireTimes.format(q.end()))
            .query("MaxLines", q.maxLines())
            .build();
    try {
      GetPodLogsResponse r =
          read(runtime.call(request).body(), GetPodLogsResponse.class, "GetPodLogs");
      return r.logs() == null ? List.of() : r.logs().stream().filter(Objects::nonNull).toList();
    } catch (ResourceNotFoundException e) {
      throw notFound(e, jobId + " (pod " + podId + ")");
    }
  }

  private <T> T read(JsonNode body, Class<T> type, String action) {
    try {
      T value = body.isMissingNode() ? null : json.treeToValue(body, type);
      if (value == null) {
        throw new PaiException(
            "DLC "
                + action
                + " returned an empty body; retry the call, and report it if it persists");
      }
      return value;
    } catch (IOException e) {
      throw new PaiException("DLC " + action + " returned a body this SDK cannot read", null, e);
    }
  }

  private static ResourceNotFoundException notFound(ResourceNotFoundException e, String job) {
    ResourceNotFoundException named =
        new ResourceNotFoundException(
            "DLC job "
                + job
                + " does not exist ("
                + e.getMessage()
                + ") Fix: check the id with DlcClient.listJobs().",
            e.details(),
            e);
    named.withAttempts(e.numAttempts());
    return named;
  }
}
