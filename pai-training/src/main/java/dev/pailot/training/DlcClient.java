package dev.pailot.training;

import dev.pailot.core.Pai;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.paging.Paginator;
import dev.pailot.training.internal.DlcApi;
import dev.pailot.training.internal.DlcThreads;
import dev.pailot.training.internal.JobWaits;
import dev.pailot.training.internal.LogFollower;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * PAI-DLC training jobs (version 2020-12-03): submit a {@link JobSpec}, read, list, stop and delete
 * jobs, read events and pod logs, follow a pod's log, and wait for a job to run or finish.
 *
 * <pre>{@code
 * try (DlcClient dlc = DlcClient.create(pai)) {
 *   String jobId = dlc.createJob(spec);
 *   dlc.waitUntilRunning(jobId, WaitOptions.defaults());
 *   Job done = dlc.waitUntilFinished(jobId, WaitOptions.builder().timeout(Duration.ofHours(12)).build());
 *   if (done.status() != JobStatus.SUCCEEDED) { ... }
 * }
 * }</pre>
 *
 * <p><b>CreateJob is sent once.</b> DLC has no {@code ClientToken}, so a create that fails
 * ambiguously (HTTP 5xx, I/O error) may or may not have created the job; the SDK never re-sends it
 * (only throttling, where PAI refused the request, is retried). After such a failure, look for the
 * job with {@link #listJobs(JobFilter)} by display name before creating it again.
 *
 * <p>Thread-safe; create one per {@link Pai} and share it. It owns threads for async calls and log
 * following (named daemon threads, created on first use) unless the builder was given the caller's:
 * {@link #close()} ends them and every open {@link LogSubscription}. Closing the {@code Pai} ends
 * the HTTP connections; a client of a closed {@code Pai} stops working.
 */
public final class DlcClient implements AutoCloseable {
  private final DlcApi api;
  private final JobWaits waits;
  private final DlcThreads threads;
  private final Set<LogSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  private DlcClient(Builder b) {
    PaiRuntime runtime = PaiRuntime.of(b.pai);
    this.api = new DlcApi(runtime);
    this.waits = new JobWaits(api);
    this.threads = new DlcThreads(b.executor, b.scheduler);
  }

  /**
   * A client that owns its threads.
   *
   * @param pai the configured connection
   * @return the client
   */
  public static DlcClient create(Pai pai) {
    return builder(pai).build();
  }

  /**
   * A builder, to pass your own executor or scheduler.
   *
   * @param pai the configured connection
   * @return builder
   */
  public static Builder builder(Pai pai) {
    return new Builder(Objects.requireNonNull(pai, "pai"));
  }

  /**
   * Submits a job (CreateJob) and reports a {@code dlc.job.create} progress event. Sent once: see
   * the class comment.
   *
   * @param spec a spec, validated when it was built
   * @return the new job's id, e.g. {@code dlc1a2b3c4d5e6f}
   * @throws ServiceUnavailableException if DLC failed transiently: the job may exist, look it up by
   *     display name before creating it again
   * @throws ValidationException if DLC rejects the spec
   * @throws PaiException for other failures
   */
  public String createJob(JobSpec spec) {
    Objects.requireNonNull(spec, "spec");
    String id = api.createJob(spec);
    api.runtime()
        .progress(
            ProgressEvent.builder()
                .operation("dlc.job.create")
                .resource("job/" + id)
                .phase("SUBMITTED")
                .message("Submitted DLC job " + spec.displayName() + " as " + id)
                .putAttributes("jobId", id)
                .putAttributes("displayName", spec.displayName())
                .build());
    return id;
  }

  /**
   * Reads a job with its pods, status history and replica statuses (GetJob).
   *
   * @param jobId job id
   * @return the job
   * @throws ResourceNotFoundException if no job has this id
   * @throws ValidationException if the id is blank
   */
  public Job getJob(String jobId) {
    return api.getJob(requireId("jobId", jobId));
  }

  /**
   * Jobs matching a filter, fetched lazily page by page (ListJobs); iteration fetches the next page
   * when it reaches it.
   *
   * @param filter the filter
   * @return lazy list; a read failure surfaces as {@link PaiException} while iterating
   */
  public Paginator<Job> listJobs(JobFilter filter) {
    return api.listJobs(Objects.requireNonNull(filter, "filter"));
  }

  /**
   * Jobs created in the last 7 days (DLC's default), fetched lazily.
   *
   * @return lazy list
   */
  public Paginator<Job> listJobs() {
    return listJobs(JobFilter.all());
  }

  /**
   * Asks DLC to stop a job (StopJob); it passes through {@code Stopping} to {@code Stopped}.
   *
   * @param jobId job id
   * @throws ResourceNotFoundException if no job has this id
   */
  public void stopJob(String jobId) {
    api.stopJob(requireId("jobId", jobId));
  }

  /**
   * Deletes a finished or stopped job (DeleteJob). DLC refuses to delete a job that still runs.
   *
   * @param jobId job id
   * @return {@code true} if deleted, {@code false} if it did not exist
   * @throws PaiException if DLC refuses
   */
  public boolean deleteJob(String jobId) {
    return api.deleteJob(requireId("jobId", jobId));
  }

  /**
   * A job's events of the last 7 days, up to DLC's default of 2,000 (GetJobEvents).
   *
   * @param jobId job id
   * @return events, in DLC's order
   * @throws ResourceNotFoundException if no job has this id
   */
  public List<JobEvent> events(String jobId) {
    return api.events(requireId("jobId", jobId), null);
  }

  /**
   * A job's events, at most {@code maxEvents} (GetJobEvents {@code MaxEventsNum}).
   *
   * @param jobId job id
   * @param maxEvents at least 1
   * @return events, in DLC's order
   * @throws ResourceNotFoundException if no job has this id
   */
  public List<JobEvent> events(String jobId, int maxEvents) {
    return api.events(requireId("jobId", jobId), positive("maxEvents", maxEvents));
  }

  /**
   * The last lines of a pod's log (GetPodLogs with {@code MaxLines}; of the lines DLC returns, the
   * last {@code tail} are kept).
   *
   * @param jobId job id
   * @param podId pod id, from {@link Job#pods()}
   * @param tail how many lines, at least 1
   * @return lines, oldest first
   * @throws ResourceNotFoundException if the job or pod does not exist
   */
  public List<String> podLogs(String jobId, String podId, int tail) {
    List<String> lines =
        api.podLogs(
            requireId("jobId", jobId),
            requireId("podId", podId),
            new DlcApi.PodLogQuery(null, null, positive("tail", tail), null));
    return lines.size() <= tail
        ? lines
        : List.copyOf(lines.subList(lines.size() - tail, lines.size()));
  }

  /**
   * Follows a pod's log: polls GetPodLogs on the client's scheduler with an advancing {@code
   * StartTime} and passes every new line, once and in order, to {@code onLine} (on the scheduler's
   * thread; keep it fast). See {@link LogFollowOptions} for the window rules and their limits.
   *
   * @param jobId job id
   * @param podId pod id, from {@link Job#pods()}
   * @param onLine receives each line
   * @param options polling options
   * @return the subscription; the caller closes it
   * @throws java.util.concurrent.RejectedExecutionException if this client (or the scheduler passed
   *     to its builder) is closed
   */
  public LogSubscription followLogs(
      String jobId, String podId, Consumer<String> onLine, LogFollowOptions options) {
    LogFollower.Target target =
        new LogFollower.Target(
            api,
            requireId("jobId", jobId),
            requireId("podId", podId),
            Objects.requireNonNull(onLine, "onLine"));
    LogFollower f =
        LogFollower.start(
            target,
            Objects.requireNonNull(options, "options"),
            threads.scheduler(),
            Clock.systemUTC(),
            subscriptions::remove);
    subscriptions.add(f);
    if (!f.isActive()) {
      subscriptions.remove(f); // ended before it was registered
    }
    return f;
  }

  /**
   * Waits until the job runs: returns once it is {@code Running} (or already {@code Succeeded}),
   * polling GetJob with growing delays and reporting {@code dlc.job.wait} progress events ({@code
   * WAITING}, {@code RUNNING}, {@code ENDED}) to the {@code Pai} listener and the options'
   * callback. Fails fast when the job is {@code Failed}, {@code Stopped} or on its way there.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job as last seen
   * @throws JobEndedException if the job failed or was stopped first; {@link
   *     JobEndedException#job()} says why
   * @throws WaiterTimeoutException if the deadline passes first; the job is untouched
   */
  public Job waitUntilRunning(String jobId, WaitOptions options) {
    return waits.untilRunning(
        requireId("jobId", jobId), Objects.requireNonNull(options, "options"));
  }

  /**
   * Waits until the job is {@code Succeeded}, {@code Failed} or {@code Stopped} and returns it;
   * never throws because of the job's outcome: inspect {@link Job#status()}. Reserving states are
   * waited through. Progress as for {@link #waitUntilRunning}, ending in {@code FINISHED}.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job in its terminal state
   * @throws WaiterTimeoutException if the deadline passes first; the job is untouched
   */
  public Job waitUntilFinished(String jobId, WaitOptions options) {
    return waits.untilFinished(
        requireId("jobId", jobId), Objects.requireNonNull(options, "options"));
  }

  /**
   * {@link #createJob} on the client's executor.
   *
   * @param spec the spec
   * @return the new job's id; completes exceptionally as {@link #createJob} throws
   */
  public CompletableFuture<String> createJobAsync(JobSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return threads.supply(() -> createJob(spec));
  }

  /**
   * {@link #getJob} on the client's executor.
   *
   * @param jobId job id
   * @return the job; completes exceptionally as {@link #getJob} throws
   */
  public CompletableFuture<Job> getJobAsync(String jobId) {
    requireId("jobId", jobId);
    return threads.supply(() -> getJob(jobId));
  }

  /**
   * {@link #waitUntilRunning} on the client's executor. Cancelling the future stops polling.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job; completes exceptionally as {@link #waitUntilRunning} throws
   */
  public CompletableFuture<Job> waitUntilRunningAsync(String jobId, WaitOptions options) {
    requireId("jobId", jobId);
    Objects.requireNonNull(options, "options");
    return threads.supply(() -> waitUntilRunning(jobId, options));
  }

  /**
   * {@link #waitUntilFinished} on the client's executor. Cancelling the future stops polling.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job in its terminal state; completes exceptionally as {@link #waitUntilFinished}
   *     throws
   */
  public CompletableFuture<Job> waitUntilFinishedAsync(String jobId, WaitOptions options) {
    requireId("jobId", jobId);
    Objects.requireNonNull(options, "options");
    return threads.supply(() -> waitUntilFinished(jobId, options));
  }

  /**
   * Closes every open log subscription and ends the threads the client owns (not the caller's
   * executor or scheduler). Pending async calls on owned threads are interrupted. Idempotent.
   */
  @Override
  public void close() {
    List.copyOf(subscriptions).forEach(LogSubscription::close);
    threads.close();
  }

  private static String requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.invalidField(field, "is empty", "pass the " + field + " to use");
    }
    return value;
  }

  private static int positive(String field, int value) {
    if (value < 1) {
      throw ValidationException.invalidField(field, value + " is not positive", "use 1 or more");
    }
    return value;
  }

  /** Builds a {@link DlcClient}. Not thread-safe. */
  public static final class Builder {
    private final Pai pai;
    private Executor executor;
    private ScheduledExecutorService scheduler;

    private Builder(Pai pai) {
      this.pai = pai;
    }

    /**
     * Runs async calls and waits on the caller's executor, which the caller shuts down. Default:
     * the client's own named daemon threads ({@code pailot-dlc-async-N}). A wait occupies a thread
     * while it polls.
     *
     * @param executor executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Runs log-following polls on the caller's scheduler, which the caller shuts down. Default: the
     * client's own named daemon thread ({@code pailot-dlc-logs-N}).
     *
     * @param scheduler scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Builds the client. No network call is made; no thread is started.
     *
     * @return the client
     */
    public DlcClient build() {
      return new DlcClient(this);
    }
  }
}
