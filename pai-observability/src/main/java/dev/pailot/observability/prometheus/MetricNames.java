package dev.pailot.observability.prometheus;

/**
 * The Prometheus names of the metrics Pailot records, and of the engine metrics its rules and
 * dashboards read. Micrometer names ({@code inference.request.duration}) become these names on a
 * Prometheus registry: dots to underscores, {@code _seconds} for timers, {@code _total} for
 * counters. The blueprint's query uses {@link #REQUEST_DURATION} with {@link #SERVICE_NAME}
 * unchanged. {@code docs/observability.md} lists who records each one.
 */
public final class MetricNames {
  /** The tag carried by every inference-client metric: the EAS service (or endpoint) name. */
  public static final String SERVICE_NAME = "service_name";

  /**
   * Inference request latency, submission to complete answer (histogram; tags {@code service_name},
   * {@code operation}, {@code outcome}). Recorded by pai-serving's inference client as {@code
   * inference.request.duration}.
   */
  public static final String REQUEST_DURATION = "inference_request_duration_seconds";

  /** Time to first streamed token (histogram; {@code service_name}). pai-serving's client. */
  public static final String TIME_TO_FIRST_TOKEN = "inference_time_to_first_token_seconds";

  /** Mean time per output token after the first (histogram; {@code service_name}). */
  public static final String TIME_PER_OUTPUT_TOKEN = "inference_time_per_output_token_seconds";

  /** Time queued in the client's admission stage (histogram; {@code service_name}). */
  public static final String QUEUE_WAIT = "inference_queue_wait_seconds";

  /** Requests the client's admission refused (counter; {@code operation}, {@code reason}). */
  public static final String REQUESTS_REJECTED = "inference_requests_rejected_total";

  /** Tokens sent and received (counter; {@code direction} = {@code in} / {@code out}). */
  public static final String TOKENS = "inference_tokens_total";

  /** Requests holding an admission permit (gauge; {@code service_name}). */
  public static final String REQUESTS_IN_FLIGHT = "inference_requests_in_flight";

  /** Requests waiting in the client's admission queue (gauge; {@code service_name}). */
  public static final String REQUESTS_QUEUED = "inference_requests_queued";

  /** Control-plane calls to PAI (histogram; {@code product}, {@code action}, {@code outcome}). */
  public static final String CONTROL_PLANE_CALLS = "pai_control_plane_calls_seconds";

  /**
   * RAG stage latency (histogram; {@code stage}). Recorded by pai-rag as {@code
   * rag.stage.duration}.
   */
  public static final String RAG_STAGE_DURATION = "rag_stage_duration_seconds";

  /** Blue-green releases rolled back (counter; {@code service}, {@code gate}). */
  public static final String RELEASE_ROLLBACKS = "pailot_release_rollbacks_total";

  /** Spot training attempts reclaimed by the cloud (counter; {@code job_name}). */
  public static final String SPOT_PREEMPTIONS = "pailot_spot_preemptions_total";

  /** vLLM: requests in the running batch (gauge; {@code model_name}). */
  public static final String VLLM_RUNNING = "vllm:num_requests_running";

  /** vLLM: requests waiting in the engine (gauge; {@code model_name}). */
  public static final String VLLM_WAITING = "vllm:num_requests_waiting";

  /** vLLM: KV-cache usage, 1 = full (gauge; {@code model_name}). */
  public static final String VLLM_KV_CACHE_USAGE = "vllm:kv_cache_usage_perc";

  /** vLLM before V1: the same KV-cache gauge's old name. */
  public static final String VLLM_GPU_CACHE_USAGE = "vllm:gpu_cache_usage_perc";

  /** NVIDIA DCGM exporter: GPU framebuffer memory used, MiB (gauge; {@code gpu}). */
  public static final String DCGM_FB_USED = "DCGM_FI_DEV_FB_USED";

  /** NVIDIA DCGM exporter: GPU framebuffer memory free, MiB (gauge; {@code gpu}). */
  public static final String DCGM_FB_FREE = "DCGM_FI_DEV_FB_FREE";

  private MetricNames() {}
}
