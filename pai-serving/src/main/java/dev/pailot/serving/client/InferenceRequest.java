package dev.pailot.serving.client;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What every inference request has besides its payload: how the client admits it and how it is
 * identified. Implemented by the request values ({@link ChatRequest}, {@link CompletionRequest},
 * {@link EmbeddingRequest}, {@link RerankRequest}, {@link PredictRequest}); not meant to be
 * implemented by users.
 */
public interface InferenceRequest {
  /**
   * The admission class in the client's queue. Default {@link PriorityClass#INTERACTIVE}.
   *
   * @return the class
   */
  @Value.Default
  default PriorityClass priorityClass() {
    return PriorityClass.INTERACTIVE;
  }

  /**
   * The whole budget of the request, measured from the moment it is handed to the client: time
   * queued in the client's admission stage counts toward it. A request whose deadline passes while
   * queued fails at once with an {@link InferenceTimeoutException} of phase {@code QUEUED}; one
   * whose deadline passes later is cancelled (closing its connection) and fails with phase {@code
   * DEADLINE}. Unset: the client's total timeout applies. When both are set, the shorter wins.
   *
   * @return the deadline
   */
  Optional<Duration> deadline();

  /**
   * The request id, sent as the {@code X-Request-Id} header (and as vLLM's {@code request_id} body
   * field for chat and completions). Unset: the client generates one. Reported in results and
   * exceptions so a request can be found in the engine's logs.
   *
   * @return the request id
   */
  Optional<String> requestId();
}
