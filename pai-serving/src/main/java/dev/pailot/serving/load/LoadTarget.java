package dev.pailot.serving.load;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.PredictRequest;
import dev.pailot.serving.client.PredictResult;
import dev.pailot.serving.client.StreamHandle;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.load.internal.PromptText;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the load generator drives: sends one request and returns a future of its {@link Timings}. It
 * must not block (the generator calls it from its one dispatching thread at each intended send
 * time); a failed future counts as a failed request; cancelling the future should abort the
 * request. Any client configuration can be driven: build an {@link InferenceClient} as you like and
 * wrap it with {@link #chatStream(InferenceClient)} or {@link #predict(InferenceClient, Function)},
 * or write your own.
 *
 * <p>{@link #close()} releases what the target owns; the factories own nothing unless {@link
 * #closing(AutoCloseable)} says so.
 */
@FunctionalInterface
public interface LoadTarget extends AutoCloseable {
  /**
   * Sends one request without blocking.
   *
   * @param request what to send
   * @return the request's timings, or a failed future
   */
  CompletableFuture<Timings> send(LoadRequest request);

  /** Releases what this target owns; by default nothing. */
  @Override
  default void close() {}

  /**
   * This target, closing {@code resource} (for example the client it drives) when closed.
   *
   * @param resource what to close with the target
   * @return a target that closes {@code resource}
   */
  default LoadTarget closing(AutoCloseable resource) {
    LoadTarget self = this;
    return new LoadTarget() {
      @Override
      public CompletableFuture<Timings> send(LoadRequest request) {
        return self.send(request);
      }

      @Override
      public void close() {
        try (resource) {
          self.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing the load target failed", e);
        }
      }
    };
  }

  /**
   * Streamed chat completions: a user message of about {@code promptTokens} words, {@code
   * max_tokens} set to {@code outputTokens} and {@code ignore_eos} so the output has that length.
   *
   * @param client the client to drive; not closed by the target
   * @return the target
   */
  static LoadTarget chatStream(InferenceClient client) {
    return chatStream(client, b -> {});
  }

  /**
   * Streamed chat completions as {@link #chatStream(InferenceClient)}, with {@code options} applied
   * to each request's builder last (model, priority class, deadline, extra body fields).
   *
   * @param client the client to drive; not closed by the target
   * @param options applied to each request's builder after the prompt and lengths are set
   * @return the target
   */
  static LoadTarget chatStream(InferenceClient client, Consumer<ChatRequest.Builder> options) {
    return request -> {
      ChatRequest.Builder builder =
          ChatRequest.builder()
              .user(PromptText.of(request.promptTokens(), request.index()))
              .maxTokens(request.outputTokens())
              .putExtraBody("ignore_eos", true);
      options.accept(builder);
      StreamHandle handle = client.stream(builder.build(), delta -> {});
      CompletableFuture<Timings> timings = handle.result().thenApply(ChatResult::timings);
      timings.whenComplete(
          (t, e) -> {
            if (timings.isCancelled()) {
              handle.cancel();
            }
          });
      return timings;
    };
  }

  /**
   * Raw EAS predict calls with the body {@code bodies} makes for each request.
   *
   * @param client the client to drive; not closed by the target
   * @param bodies makes the predict request for a load request
   * @return the target
   */
  static LoadTarget predict(InferenceClient client, Function<LoadRequest, PredictRequest> bodies) {
    return request -> {
      CompletableFuture<PredictResult> call = client.predictAsync(bodies.apply(request));
      CompletableFuture<Timings> timings = call.thenApply(PredictResult::timings);
      timings.whenComplete(
          (t, e) -> {
            if (timings.isCancelled()) {
              call.cancel(true);
            }
          });
      return timings;
    };
  }
}
