package dev.pailot.testkit.localpai.internal.engine;

import java.util.List;
import java.util.OptionalLong;

/**
 * A validated {@code /v1/chat/completions} or {@code /v1/completions} request.
 *
 * @param chat whether it is a chat request (chunk and object types differ)
 * @param requestId {@code request_id} field, {@code X-Request-Id} header or a generated id
 * @param model the model name as sent
 * @param prompt the prompt text (messages joined), which seeds the output
 * @param promptTokens estimated prompt tokens ({@link TokenEstimate})
 * @param maxTokens the output limit, resolved against defaults and {@code max_model_len}
 * @param minTokens tokens before stop strings and end-of-sequence apply
 * @param stop stop strings
 * @param temperature sampling temperature; 0 is greedy (deterministic per prompt)
 * @param seed sampling seed, if given
 * @param stream whether to answer with SSE
 * @param includeUsage {@code stream_options.include_usage}
 * @param priority lower runs earlier
 * @param ignoreEos whether to run to {@code max_tokens} regardless of natural length
 */
record GenerationRequest(
    boolean chat,
    String requestId,
    String model,
    String prompt,
    int promptTokens,
    int maxTokens,
    int minTokens,
    List<String> stop,
    double temperature,
    OptionalLong seed,
    boolean stream,
    boolean includeUsage,
    int priority,
    boolean ignoreEos) {}
