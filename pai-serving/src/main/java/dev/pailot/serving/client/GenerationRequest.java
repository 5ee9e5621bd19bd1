package dev.pailot.serving.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The generation options that chat and text completions share, in the OpenAI-compatible form that
 * vLLM, SGLang and BladeLLM read. Unset options are left out of the request body, so the engine's
 * defaults apply. Implemented by {@link ChatRequest} and {@link CompletionRequest}.
 */
public interface GenerationRequest extends InferenceRequest {
  /**
   * The model name ({@code --served-model-name} on vLLM). Unset: the client's default model if it
   * has one, otherwise the field is left out (vLLM and SGLang then use the served model).
   *
   * @return the model
   */
  Optional<String> model();

  /**
   * The most tokens to generate ({@code max_tokens}), at least 1.
   *
   * @return max tokens
   */
  Optional<Integer> maxTokens();

  /**
   * Sampling temperature, at least 0; 0 is greedy.
   *
   * @return temperature
   */
  Optional<Double> temperature();

  /**
   * Nucleus sampling ({@code top_p}), in (0, 1].
   *
   * @return top p
   */
  Optional<Double> topP();

  /**
   * The sampling seed, for repeatable output.
   *
   * @return seed
   */
  Optional<Long> seed();

  /**
   * Stop sequences: generation ends before any of them.
   *
   * @return stop sequences
   */
  List<String> stop();

  /**
   * The engine-side scheduling priority (vLLM {@code priority}, lower runs first; needs the
   * engine's priority scheduling). Unrelated to the client's {@link #priorityClass()}.
   *
   * @return engine priority
   */
  Optional<Integer> priority();

  /**
   * vLLM's {@code cache_salt}: prefix-cache entries are shared only between requests with the same
   * salt, so one tenant cannot probe another's cached prompts.
   *
   * @return cache salt
   */
  Optional<String> cacheSalt();

  /**
   * Whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage}).
   * Default {@code true}: token counts and time per output token need it. Ignored by non-streaming
   * calls, whose answer always carries usage.
   *
   * @return whether usage is requested when streaming
   */
  @Value.Default
  default boolean includeUsage() {
    return true;
  }

  /**
   * Further body fields for engine options without a typed setter (e.g. {@code top_k}, {@code
   * min_tokens}, {@code ignore_eos}, {@code chat_template_kwargs}). Values are written with
   * Jackson: strings, numbers, booleans, lists, maps and {@code JsonNode}s. They are added last and
   * replace a typed field of the same name; {@code stream} and {@code stream_options} are reserved.
   *
   * @return extra body fields
   */
  Map<String, Object> extraBody();
}
