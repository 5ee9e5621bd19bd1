package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.EngineProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Engine configuration read from EAS service JSON. */
class ServiceSpecReaderTest {
  private static final String VLLM_SPEC =
      "{\"metadata\":{\"name\":\"qwen_chat\",\"instance\":1,\"rpc\":{\"keepalive\":600000}},"
          + "\"cloud\":{\"computing\":{\"instance_type\":\"ecs.gn7i-c8g1.2xlarge\"}},"
          + "\"containers\":[{\"image\":\"eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/"
          + "vllm:0.8.5\",\"port\":8000,\"script\":\"vllm serve /mnt/data/models/"
          + "Qwen2.5-7B-Instruct --served-model-name qwen --max-num-seqs 128 "
          + "--max-num-batched-tokens=4096 --kv-cache-dtype fp8 --gpu-memory-utilization 0.85 "
          + "--max-model-len 8192\"}],"
          + "\"storage\":[{\"mount_path\":\"/mnt/data/models\",\"oss\":{\"path\":"
          + "\"oss://bucket/models/\"}}]}";

  private static EngineConfig read(JsonNode spec) {
    return ServiceSpecReader.read(spec, EngineProfile.defaults(), 1).orElseThrow();
  }

  private static EngineConfig read(String json) throws Exception {
    return read(Specs.JSON.readTree(json));
  }

  @Test
  void readsVllmFlagsModelAndGpuFromTheSpec() throws Exception {
    EngineConfig c = read(VLLM_SPEC);

    assertThat(c.kind()).isEqualTo(EngineKind.VLLM);
    assertThat(c.servedModelName()).isEqualTo("qwen");
    assertThat(c.model().name()).isEqualTo("qwen2.5-7b");
    assertThat(c.gpu().gpuModel()).isEqualTo("A10");
    assertThat(c.profile().maxNumSeqs()).isEqualTo(128);
    assertThat(c.profile().maxNumBatchedTokens()).isEqualTo(4096);
    assertThat(c.kvDtypeBytes()).isEqualTo(1);
    assertThat(c.profile().gpuMemoryUtilization()).isEqualTo(0.85);
    assertThat(c.maxModelLen()).isEqualTo(8192);
    assertThat(c.startupError()).isEmpty();
  }

  @Test
  void eightBitKvCacheHoldsTwiceTheBlocks() throws Exception {
    EngineConfig int8 = read(VLLM_SPEC);
    EngineConfig fp16 = read(VLLM_SPEC.replace("--kv-cache-dtype fp8", "--kv-cache-dtype auto"));

    assertThat(fp16.kvDtypeBytes()).isEqualTo(2);
    assertThat((double) int8.kvBlocks() / fp16.kvBlocks()).isCloseTo(2.0, within(0.01));
  }

  @Test
  void aSeventyBillionModelTakesMinutesToLoad() throws Exception {
    JsonNode spec =
        Specs.vllm("--model /models/Qwen2.5-72B-Instruct --tensor-parallel-size 4", Map.of());
    EngineConfig c = read(spec);
    Duration minute = Duration.ofMillis(100);

    assertThat(c.model().weightBytes()).isGreaterThan(140_000_000_000L);
    // 145 GB at 1 GB/s plus 30 s warm-up: about 2.9 emulated minutes.
    assertThat(c.loadTime(minute).toMillis()).isBetween(280L, 300L);
  }

  @Test
  void aModelThatDoesNotFitReportsWhyVllmWouldNotStart() {
    EngineConfig c = read(Specs.vllm("--model /models/Qwen2.5-72B-Instruct", Map.of()));
    assertThat(c.startupError()).hasValueSatisfying(m -> assertThat(m).contains("72b"));
    EngineConfig tooLong =
        read(Specs.vllm("--num-gpu-blocks-override 10 --max-model-len 4096", Map.of()));
    assertThat(tooLong.startupError())
        .hasValueSatisfying(m -> assertThat(m).contains("max seq len (4096)"));
  }

  @Test
  void kindComesFromImageOrServiceType() {
    assertThat(kind("ghcr.io/huggingface/text-embeddings-inference:1.5", null))
        .contains(EngineKind.EMBEDDING);
    assertThat(kind("registry/bge-reranker-v2-m3:latest", null)).contains(EngineKind.RERANK);
    assertThat(kind("lmsysorg/sglang:v0.4", null)).contains(EngineKind.SGLANG);
    assertThat(kind("registry/blade-llm:0.9", null)).contains(EngineKind.BLADELLM);
    assertThat(kind("registry/custom:1", "LLM")).contains(EngineKind.VLLM);
    assertThat(kind("registry/web-app:1", null)).isEmpty();
  }

  @Test
  void environmentDescribesModelsAndCostsFlagsOverrideIt() {
    Map<String, String> env =
        Map.of(
            "LOCALPAI_MODEL_PARAMS_B", "3",
            "LOCALPAI_MODEL_LAYERS", "36",
            "LOCALPAI_GPU_MEMORY_GB", "48",
            "LOCALPAI_STEP_BASE_US", "1234",
            "LOCALPAI_BATCHING", "static",
            "LOCALPAI_EOS_MEAN_TOKENS", "50");
    EngineConfig c = read(Specs.vllm("--max-num-seqs 7", env));

    assertThat(c.model().parametersBillions()).isEqualTo(3.0);
    assertThat(c.model().layers()).isEqualTo(36);
    assertThat(c.gpu().memoryGb()).isEqualTo(48.0);
    assertThat(c.profile().stepBaseMicros()).isEqualTo(1234);
    assertThat(c.profile().batching()).isEqualTo(EngineProfile.Batching.STATIC);
    assertThat(c.profile().eosMeanTokens()).hasValue(50);
    assertThat(c.profile().maxNumSeqs()).isEqualTo(7);
  }

  @Test
  void gpuMemoryFromMetadataAndModelFromMountOrEnv() throws Exception {
    JsonNode spec =
        Specs.JSON.readTree(
            "{\"metadata\":{\"type\":\"LLM\",\"gpu_memory\":16},\"containers\":[{\"image\":"
                + "\"x/y:1\",\"env\":[{\"name\":\"MODEL_ID\",\"value\":\"meta-llama/"
                + "Meta-Llama-3-8B-Instruct\"}]}]}");
    EngineConfig c = read(spec);
    assertThat(c.gpu().memoryGb()).isEqualTo(16.0);
    assertThat(c.model().name()).isEqualTo("llama-3-8b");
    assertThat(c.servedModelName()).isEqualTo("meta-llama/Meta-Llama-3-8B-Instruct");

    JsonNode mounted =
        Specs.JSON.readTree(
            "{\"metadata\":{\"type\":\"LLM\"},\"containers\":[{\"image\":\"x/vllm:1\"}],"
                + "\"storage\":[{\"mount_path\":\"/data\",\"oss\":{\"path\":\"oss://b/"
                + "Qwen2.5-14B/\"},\"properties\":{\"resource_type\":\"model\"}}]}");
    assertThat(read(mounted).model().name()).isEqualTo("qwen2.5-14b");
  }

  @Test
  void unreadableFlagGivesAReplicaThatSaysWhy() {
    try (EngineHarness engine = EngineHarness.start(Specs.vllm("--max-num-seqs lots", Map.of()))) {
      java.net.http.HttpResponse<String> r =
          Http.post(engine.uri("/v1/completions"), Specs.JSON.createObjectNode());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(Http.json(r).at("/error/message").asText()).contains("--max-num-seqs", "lots");
    }
  }

  private static Optional<EngineKind> kind(String image, String type) {
    JsonNode spec = Specs.service(image, "", Map.of());
    if (type != null) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("metadata")).put("type", type);
    }
    return ServiceSpecReader.read(spec, EngineProfile.defaults(), 1).map(EngineConfig::kind);
  }
}
