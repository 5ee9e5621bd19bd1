package dev.pailot.serving.client.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.StreamListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shadow mirroring through real clients against MockWebServer engines: the primary's answer never
 * waits for or fails because of the shadow, and both outcomes are recorded.
 */
class ShadowMirrorTest {
  private final ShadowRecorder recorder = ShadowRecorder.withCapacity(100);
  private FakeEngine primaryEngine;
  private FakeEngine shadowEngine;
  private InferenceClient primary;
  private InferenceClient shadow;

  private ShadowMirror mirror(FakeEngine shadowSide, ShadowSettings settings) throws Exception {
    primaryEngine = FakeEngine.answering("primary");
    shadowEngine = shadowSide;
    primary = InferenceClient.builder().endpoint(primaryEngine.endpoint()).build();
    shadow = InferenceClient.builder().endpoint(shadowEngine.endpoint()).build();
    return ShadowMirror.builder()
        .primary(primary)
        .shadow(shadow)
        .settings(settings)
        .listener(recorder)
        .build();
  }

  private static ShadowSettings all() {
    return ShadowSettings.builder().share(1).build();
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {primary, shadow, primaryEngine, shadowEngine}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  private static ChatRequest hello() {
    return ChatRequest.builder().user("Hello").build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("gave up waiting").isLessThan(end);
      Thread.sleep(5);
    }
  }

  @Test
  void aSlowShadowNeverDelaysThePrimaryAnswer() throws Exception {
    ShadowMirror m = mirror(FakeEngine.holding("shadow"), all());

    ChatResult answer = m.chatAsync(hello()).get(30, TimeUnit.SECONDS);

    assertThat(answer.text()).isEqualTo("primary");
    assertThat(shadowEngine.arrived.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(m.stats().inFlight()).isEqualTo(1); // the shadow is still held by its endpoint
    assertThat(recorder.comparisons()).isEmpty();

    shadowEngine.release();
    await(() -> recorder.recorded() == 1);
    ShadowComparison c = recorder.comparisons().get(0);
    assertThat(c.operation()).isEqualTo("chat");
    assertThat(c.primary().text()).contains("primary");
    assertThat(c.shadow().text()).contains("shadow");
    assertThat(c.sameText()).isFalse();
    assertThat(c.shadow().latency()).isPositive();
    assertThat(primaryEngine.requestIds).containsExactly(c.requestId());
    assertThat(shadowEngine.requestIds).containsExactly(c.requestId());
  }

  @Test
  void aFailingShadowNeverFailsThePrimaryAndItsErrorIsRecorded() throws Exception {
    ShadowMirror m = mirror(FakeEngine.failing(), all());

    assertThat(m.chat(hello()).text()).isEqualTo("primary");

    await(() -> recorder.recorded() == 1);
    ShadowComparison c = recorder.comparisons().get(0);
    assertThat(c.primary().succeeded()).isTrue();
    assertThat(c.shadow().succeeded()).isFalse();
    assertThat(c.shadow().errorType()).contains("EndpointUnavailableException");
    assertThat(c.shadow().errorMessage().orElseThrow()).contains("HTTP 500");
    assertThat(m.stats().shadowFailures()).isEqualTo(1);
  }

  @Test
  void whenAllShadowSlotsAreBusyTheCopyIsDroppedAndCounted() throws Exception {
    ShadowMirror m =
        mirror(
            FakeEngine.holding("shadow"),
            ShadowSettings.builder().share(1).maxConcurrent(1).build());

    assertThat(m.chat(hello()).text()).isEqualTo("primary");
    assertThat(m.chat(hello()).text()).isEqualTo("primary");

    ShadowStats stats = m.stats();
    assertThat(stats.requests()).isEqualTo(2);
    assertThat(stats.mirrored()).isEqualTo(1);
    assertThat(stats.dropped()).isEqualTo(1);
    shadowEngine.release();
    await(() -> recorder.recorded() == 1);
    assertThat(shadowEngine.requestIds).hasSize(1);
  }

  @Test
  void aStreamedShadowIsConsumedFullyAndOnlyThePrimaryReachesTheListener() throws Exception {
    ShadowMirror m = mirror(FakeEngine.answering("primary"), all()); // same answer on both sides
    List<String> seen = new CopyOnWriteArrayList<>();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onDelta(Delta delta) {
            seen.add(delta.text());
          }
        };

    ChatResult answer = m.stream(hello(), listener).result().get(30, TimeUnit.SECONDS);

    assertThat(answer.text()).isEqualTo("primary again");
    await(() -> recorder.recorded() == 1);
    ShadowComparison c = recorder.comparisons().get(0);
    assertThat(c.operation()).isEqualTo("chat.stream");
    assertThat(c.shadow().text()).contains("primary again"); // read to [DONE]
    assertThat(c.shadow().timeToFirstToken()).isPresent();
    assertThat(c.sameText()).isTrue();
    assertThat(String.join("", seen)).isEqualTo("primary again"); // once, from the primary
  }

  @Test
  void embeddingsAreMirroredWithTheirVectors() throws Exception {
    ShadowMirror m = mirror(FakeEngine.answering("x"), all());

    var vectors = m.embed(EmbeddingRequest.builder().addInputs("apple").build());

    assertThat(vectors.embeddings()).hasSize(1);
    await(() -> recorder.recorded() == 1);
    ShadowComparison c = recorder.comparisons().get(0);
    assertThat(c.operation()).isEqualTo("embeddings");
    assertThat(c.minCosineSimilarity().orElseThrow())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aClosedShadowClientOrAThrowingListenerLeavesThePrimaryAlone() throws Exception {
    ShadowMirror m =
        ShadowMirror.builder()
            .primary(
                primary =
                    InferenceClient.builder()
                        .endpoint((primaryEngine = FakeEngine.answering("primary")).endpoint())
                        .build())
            .shadow(
                shadow =
                    InferenceClient.builder()
                        .endpoint((shadowEngine = FakeEngine.answering("s")).endpoint())
                        .build())
            .settings(all())
            .listener(
                c -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    assertThat(m.chat(hello()).text()).isEqualTo("primary");
    await(() -> m.stats().inFlight() == 0); // the listener threw on this comparison
    assertThat(m.stats().shadowFailures()).isZero();
    shadow.close();
    CompletableFuture<ChatResult> second = m.chatAsync(hello());
    assertThat(second.get(30, TimeUnit.SECONDS).text()).isEqualTo("primary");
    await(() -> m.stats().inFlight() == 0);
    assertThat(m.stats().shadowFailures()).isEqualTo(1);
    assertThat(m.stats().mirrored()).isEqualTo(2);
  }

  @Test
  void shareZeroSendsNothingToTheShadowAndCloseStopsMirroring() throws Exception {
    ShadowMirror m = mirror(FakeEngine.answering("s"), ShadowSettings.builder().share(0).build());
    m.chat(hello());
    assertThat(m.stats().mirrored()).isZero();

    ShadowMirror m2 =
        ShadowMirror.builder()
            .primary(primary)
            .shadow(shadow)
            .settings(all())
            .listener(recorder)
            .build();
    m2.close();
    m2.chat(hello());
    assertThat(m2.stats().dropped()).isEqualTo(1);
    assertThat(shadowEngine.requestIds).isEmpty();
  }

  @Test
  void theBuilderRefusesMissingPartsAndTheSameClientTwice() throws Exception {
    mirror(FakeEngine.answering("s"), all());
    assertThatThrownBy(() -> ShadowMirror.builder().primary(primary).listener(recorder).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("shadow");
    assertThatThrownBy(
            () ->
                ShadowMirror.builder().primary(primary).shadow(primary).listener(recorder).build())
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ShadowSettings.builder().share(1.5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("share");
  }
}
