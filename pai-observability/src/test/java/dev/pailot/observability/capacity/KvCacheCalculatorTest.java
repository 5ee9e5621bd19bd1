package dev.pailot.observability.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.testkit.localpai.ModelProfile;
import org.junit.jupiter.api.Test;

class KvCacheCalculatorTest {
  private static final long A10 = 24_000_000_000L;
  private static final long EIGHTY_GB = 80_000_000_000L;

  private static KvCacheSpec.Builder on(ModelShape model, long gpuBytes) {
    return KvCacheSpec.builder().model(model).gpuMemoryBytes(gpuBytes);
  }

  @Test
  void bytesPerTokenOfLlama3_8bIs128KiBInFp16() {
    // 2 x 32 layers x 8 KV heads x 128 x 2 bytes
    assertThat(KvCacheCalculator.bytesPerToken(ModelShape.LLAMA_3_8B, KvCacheDtype.FP16))
        .isEqualTo(131_072L);
    assertThat(KvCacheCalculator.bytesPerToken(ModelShape.LLAMA_3_8B, KvCacheDtype.INT8))
        .isEqualTo(65_536L);
    assertThat(KvCacheCalculator.bytesPerToken(ModelShape.QWEN2_72B, KvCacheDtype.BF16))
        .isEqualTo(2L * 80 * 8 * 128 * 2);
  }

  @Test
  void int8KvCacheDoublesConcurrentUsers() {
    // The blueprint's claim, on Llama-3-8B with one 80 GB card at 4k context.
    KvCacheEstimate fp16 = KvCacheCalculator.estimate(on(ModelShape.LLAMA_3_8B, EIGHTY_GB).build());
    KvCacheEstimate int8 =
        KvCacheCalculator.estimate(
            on(ModelShape.LLAMA_3_8B, EIGHTY_GB).kvCacheDtype(KvCacheDtype.INT8).build());

    assertThat(int8.bytesPerToken() * 2).isEqualTo(fp16.bytesPerToken());
    assertThat(int8.kvCacheBytes()).isEqualTo(fp16.kvCacheBytes());
    assertThat(int8.tokensThatFit())
        .isBetween(2 * fp16.tokensThatFit(), 2 * fp16.tokensThatFit() + 16);
    long fp16Users = fp16.concurrentSequences(4096);
    long int8Users = int8.concurrentSequences(4096);
    // (72e9 - 16.06e9 weights - 4e9 activations) / (128 KiB x 16) = 24,767 blocks; 256 per user
    assertThat(fp16Users).isEqualTo(96);
    assertThat(int8Users).isBetween(2 * fp16Users, 2 * fp16Users + 1);
  }

  @Test
  void agreesWithLocalPaisEngineForQwen7bOnAnA10() {
    // docs/localpai.md: Qwen2.5-7B on one A10: 5,623 blocks in fp16, 11,247 in fp8.
    ModelProfile qwen = ModelProfile.lookup("Qwen2.5-7B-Instruct").orElseThrow();
    ModelShape shape =
        ModelShape.builder()
            .name(qwen.name())
            .numLayers(qwen.layers())
            .numKvHeads(qwen.kvHeads())
            .headDim(qwen.headDim())
            .weightBytes(qwen.weightBytes())
            .build();

    assertThat(KvCacheCalculator.estimate(on(shape, A10).build()).numBlocks()).isEqualTo(5_623);
    assertThat(
            KvCacheCalculator.estimate(on(shape, A10).kvCacheDtype(KvCacheDtype.FP8).build())
                .numBlocks())
        .isEqualTo(11_247);
    assertThat(KvCacheCalculator.bytesPerToken(shape, KvCacheDtype.FP16))
        .isEqualTo(qwen.kvBytesPerToken(2));
  }

  @Test
  void concurrentSequencesCountsWholeBlocks() {
    KvCacheEstimate e =
        KvCacheEstimate.builder()
            .spec(on(ModelShape.QWEN2_5_0_5B, A10).build())
            .bytesPerToken(1)
            .weightBytes(0)
            .kvCacheBytes(160)
            .numBlocks(10)
            .build();

    assertThat(e.tokensThatFit()).isEqualTo(160);
    assertThat(e.concurrentSequences(16)).isEqualTo(10);
    assertThat(e.concurrentSequences(17)).isEqualTo(5); // two blocks each
    assertThat(e.concurrentSequences(161)).isZero();
    assertThatThrownBy(() -> e.concurrentSequences(0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void weightsThatDoNotFitLeaveNoCache() {
    KvCacheEstimate e = KvCacheCalculator.estimate(on(ModelShape.QWEN2_72B, A10).build());

    assertThat(e.fits()).isFalse();
    assertThat(e.kvCacheBytes()).isZero();
    assertThat(e.concurrentSequences(1)).isZero();

    // Sharded over eight 80 GB cards it fits.
    KvCacheEstimate tp8 =
        KvCacheCalculator.estimate(
            on(ModelShape.QWEN2_72B, 80_000_000_000L).tensorParallelSize(8).build());
    assertThat(tp8.fits()).isTrue();
    assertThat(tp8.weightBytes()).isEqualTo(145_400_000_000L);
  }

  @Test
  void explicitWeightBytesWinOverTheParameterCount() {
    KvCacheSpec spec = on(ModelShape.LLAMA_3_8B, A10).weightBytes(5_000_000_000L).build();

    assertThat(KvCacheCalculator.estimate(spec).weightBytes()).isEqualTo(5_000_000_000L);
  }

  @Test
  void presetsCarryTheirPublishedConfigs() {
    assertThat(ModelShape.preset("Llama-3-8B")).contains(ModelShape.LLAMA_3_8B);
    assertThat(ModelShape.LLAMA_3_8B.numLayers()).isEqualTo(32);
    assertThat(ModelShape.LLAMA_3_8B.numKvHeads()).isEqualTo(8);
    assertThat(ModelShape.QWEN2_72B.numLayers()).isEqualTo(80);
    assertThat(ModelShape.QWEN2_72B.headDim()).isEqualTo(128);
    assertThat(ModelShape.presets()).hasSize(6);
    assertThat(ModelShape.preset("gpt-5")).isEmpty();
  }

  @Test
  void badInputFailsAtTheBuilderNamingTheField() {
    assertThatThrownBy(() -> ModelShape.builder().numLayers(0).numKvHeads(8).headDim(128).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("numLayers");
    assertThatThrownBy(() -> ModelShape.builder().numLayers(1).numKvHeads(8).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("headDim");
    assertThatThrownBy(() -> on(ModelShape.LLAMA_3_8B, A10).gpuMemoryUtilization(1.5).build())
        .hasMessageContaining("gpuMemoryUtilization");
    ModelShape noSize = ModelShape.builder().numLayers(1).numKvHeads(1).headDim(1).build();
    assertThatThrownBy(() -> on(noSize, A10).build()).hasMessageContaining("weightBytes");
    assertThatThrownBy(() -> KvCacheSpec.builder().model(noSize).build())
        .hasMessageContaining("gpuMemoryBytes");
  }
}
