package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * DLC 2020-12-03 (ROA) jobs: {@code CreateJob}, {@code GetJob}, {@code ListJobs}, {@code StopJob},
 * {@code DeleteJob}. Handlers only read and record requests under the store lock; the {@link
 * JobSimulator} moves jobs along. Runs on Netty threads: never blocks.
 */
final class JobHandler implements ProductHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DlcContext context;
  private final JobStore store;
  private final DlcFaultPlan faults;
  private final JobSimulator simulator;
  private final JobView view;
  private final RoaRoutes routes;

  JobHandler(DlcContext context, JobStore store, DlcFaultPlan faults, JobSimulator simulator) {
    this.context = context;
    this.store = store;
    this.faults = faults;
    this.simulator = simulator;
    this.view = new JobView(context);
    this.routes =
        RoaRoutes.builder()
            .route("POST", "/api/v1/jobs", "CreateJob", this::create)
            .route("GET", "/api/v1/jobs", "ListJobs", this::list)
            .route("GET", "/api/v1/jobs/{JobId}", "GetJob", this::get)
            .route("DELETE", "/api/v1/jobs/{JobId}", "DeleteJob", this::delete)
            .route("POST", "/api/v1/jobs/{JobId}/stop", "StopJob", this::stop)
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

  /**
   * DLC's not-found answer. The code is our reading (no primary source, PAI_API.md §2.9); HTTP 404
   * makes every SDK treat it as not-found.
   */
  static ServiceError notFound(String jobId) {
    return ServiceError.notFound("JobNotFound", "The job " + jobId + " does not exist.");
  }

  /** The job, or {@link #notFound}; call with the lock held. */
  static DlcJob find(JobStore store, String jobId) {
    return store.get(jobId).orElseThrow(() -> notFound(jobId));
  }

  private ObjectNode create(ControlRequest request) {
    JobDefinition definition = CreateJobParser.parse(body(request));
    String id = context.emulation().newId("dlc", 13);
    store.locked(
        () -> {
          DlcJob job = new DlcJob(id, store.nextSequence(), definition, context.now());
          job.event(job.createdAt, "Normal", "JobCreated", "Job " + id + " is created.");
          faults.arm(job);
          store.add(job);
        });
    simulator.wake();
    return JsonNodeFactory.instance.objectNode().put("JobId", id);
  }

  /** The JSON object body; {@link ControlRequest#json()} checks it is one. */
  private static JsonNode body(ControlRequest request) {
    request.json();
    if (request.body().length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return JSON.readTree(request.body());
    } catch (IOException e) {
      throw ServiceError.invalid("body", "the request body must be a JSON object");
    }
  }

  private ObjectNode get(ControlRequest request) {
    String id = request.pathParams().get("JobId");
    boolean detail = request.params().bool("NeedDetail").orElse(true);
    return store.locked(() -> view.job(find(store, id), detail));
  }

  private ObjectNode list(ControlRequest request) {
    ListJobsQuery query = ListJobsQuery.parse(request.params(), context.now());
    return store.locked(
        () -> {
          List<DlcJob> matching = query.apply(store.all());
          ObjectNode out = JsonNodeFactory.instance.objectNode().put("TotalCount", matching.size());
          ArrayNode jobs = out.putArray("Jobs");
          Pages.page(matching, query.pageNumber, query.pageSize)
              .forEach(j -> jobs.add(view.item(j)));
          return out;
        });
  }

  /** Stopping a finished job is accepted and changes nothing (our reading). */
  private ObjectNode stop(ControlRequest request) {
    String id = request.pathParams().get("JobId");
    store.locked(
        () -> {
          DlcJob job = find(store, id);
          if (!job.status.terminal() && job.stopRequestedAt == null) {
            job.stopRequestedAt = context.now();
          }
        });
    simulator.wake();
    return JsonNodeFactory.instance.objectNode().put("JobId", id);
  }

  /** Only a finished job can be deleted (§2.7); the error code is our reading. */
  private ObjectNode delete(ControlRequest request) {
    String id = request.pathParams().get("JobId");
    store.locked(
        () -> {
          DlcJob job = find(store, id);
          if (!job.status.terminal()) {
            throw new ServiceError(
                400,
                "IncorrectJobStatus",
                "The job "
                    + id
                    + " is "
                    + job.status.wire()
                    + "; only a Succeeded, Failed or Stopped job can be deleted. Stop it first.");
          }
          store.remove(id);
        });
    return JsonNodeFactory.instance.objectNode().put("JobId", id);
  }
}
