package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.EngineProfile;
import java.util.Locale;

/**
 * Applies a spec's {@code LOCALPAI_*} environment variables and engine flags to the default {@link
 * EngineProfile}. Flags are the real vLLM (and SGLang) names; the variables cover what no real flag
 * says: the cost model, storage throughput, batching mode and natural output length.
 */
final class EngineSettings {
  private EngineSettings() {}

  static EngineProfile apply(
      EngineProfile defaults, ServiceSpecReader.SpecEnvironment env, LaunchFlags flags) {
    EngineProfile.Builder b = defaults.toBuilder();
    env.get("LOCALPAI_BATCHING")
        .map(v -> EngineProfile.Batching.valueOf(v.toUpperCase(Locale.ROOT)))
        .ifPresent(b::batching);
    env.getLong("LOCALPAI_STEP_BASE_US").ifPresent(b::stepBaseMicros);
    env.getLong("LOCALPAI_STEP_PER_SEQ_US").ifPresent(b::stepPerSequenceMicros);
    env.getLong("LOCALPAI_PREFILL_US_PER_TOKEN").ifPresent(b::prefillMicrosPerToken);
    env.getDouble("LOCALPAI_STORAGE_MB_PER_S")
        .ifPresent(v -> b.storageBytesPerSecond((long) (v * 1e6)));
    env.getDouble("LOCALPAI_WARMUP_S").ifPresent(b::warmUpSeconds);
    env.getInt("LOCALPAI_EOS_MEAN_TOKENS").ifPresent(b::eosMeanTokens);
    env.getInt("LOCALPAI_DEFAULT_MAX_TOKENS").ifPresent(b::defaultMaxTokens);
    env.getLong("LOCALPAI_POOLING_CALL_US").ifPresent(b::poolingCallMicros);
    env.getLong("LOCALPAI_POOLING_ITEM_US").ifPresent(b::poolingItemMicros);
    flags.getInt("max-num-seqs", "max-running-requests").ifPresent(b::maxNumSeqs);
    flags
        .getInt("max-num-batched-tokens", "chunked-prefill-size")
        .ifPresent(b::maxNumBatchedTokens);
    flags.get("kv-cache-dtype").ifPresent(b::kvCacheDtype);
    flags
        .getDouble("gpu-memory-utilization", "mem-fraction-static")
        .ifPresent(b::gpuMemoryUtilization);
    return b.build();
  }
}
