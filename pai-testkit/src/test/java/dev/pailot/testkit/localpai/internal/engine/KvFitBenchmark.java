package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.EngineProfile;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How many sequences fit in the KV cache before preemption starts, with fp16 and fp8 (8-bit) KV,
 * for Qwen2.5-7B on one A10 (24 GB, gpu_memory_utilization 0.9). Two measures: the largest number
 * of 1,024 + 1,024-token sequences that run to the end with no preemption (the scheduler driven
 * step by step, exact), and the real engine over HTTP under 256 such clients (peak sequences
 * running before the first preemption, preemptions counted by {@code /metrics}).
 */
final class KvFitBenchmark {
  private static final int PROMPT = 1024;
  private static final int OUTPUT = 1024;

  private KvFitBenchmark() {}

  static void run(Consumer<String> line, int seconds) throws Exception {
    line.accept("");
    line.accept(
        "## KV cache: fp16 vs fp8, Qwen2.5-7B on one A10, sequences of "
            + PROMPT
            + " + "
            + OUTPUT
            + " tokens");
    for (String dtype : new String[] {"auto", "fp8"}) {
      ObjectNode spec = spec(dtype);
      EngineConfig config = ServiceSpecReader.read(spec, EngineProfile.defaults(), 1).orElseThrow();
      int fit = largestWithoutPreemption(config);
      EngineBenchmark.Run run =
          EngineBenchmark.run(
              EngineHarness.start(spec, EngineProfile.defaults(), 2),
              body(),
              256,
              Math.min(seconds, 10));
      line.accept(
          String.format(
              Locale.ROOT,
              "- kv-cache-dtype %s (%d byte/element): %,d blocks = %,d tokens; **%d sequences"
                  + " fit without preemption**; 256 clients over HTTP: %d running when the"
                  + " first preemption came, %.0f preemptions in the run",
              dtype,
              config.kvDtypeBytes(),
              config.kvBlocks(),
              config.kvBlocks() * 16L,
              fit,
              run.peakBeforePreemption,
              run.preemptions));
    }
  }

  private static ObjectNode spec(String dtype) {
    Map<String, String> env = new HashMap<>();
    env.put("LOCALPAI_STEP_BASE_US", "500");
    env.put("LOCALPAI_STEP_PER_SEQ_US", "2");
    env.put("LOCALPAI_PREFILL_US_PER_TOKEN", "0");
    return Specs.vllm(
        "--model /models/Qwen2.5-7B-Instruct --max-num-seqs 512 --max-model-len 4096"
            + " --gpu-memory-utilization 0.9 --kv-cache-dtype "
            + dtype,
        env);
  }

  private static ObjectNode body() {
    // TokenEstimate: 4 characters per token; the chat template adds 7.
    ObjectNode body = EngineBenchmark.chatBody("x".repeat((PROMPT - 7) * 4), OUTPUT);
    return body.put("ignore_eos", true);
  }

  /** Binary search for the largest batch that completes without a preemption. */
  private static int largestWithoutPreemption(EngineConfig config) {
    int lo = 1;
    int hi = 1024;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (preemptions(config, mid) == 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static long preemptions(EngineConfig config, int n) {
    SchedulerDriver d =
        SchedulerDriver.continuous(
            config.kvBlocks(),
            config.profile().maxNumSeqs(),
            config.profile().maxNumBatchedTokens());
    for (int i = 0; i < n; i++) {
      d.add("s" + i, PROMPT, OUTPUT, 0);
    }
    d.drain();
    return d.metrics.preemptions.sum();
  }
}
