package dev.pailot.serving.client.shadow.internal;

import dev.pailot.serving.client.shadow.ShadowSettings;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Decides which requests are mirrored. Thread-safe. */
public final class Sampler {
  private final ShadowSettings settings;
  private final SplittableRandom random;

  /**
   * A sampler for these settings.
   *
   * @param settings share, mode and seed
   */
  public Sampler(ShadowSettings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  /**
   * Whether to mirror the request with this id.
   *
   * @param requestId the request id
   * @return true to mirror
   */
  public boolean pick(String requestId) {
    double share = settings.share();
    if (share <= 0) {
      return false;
    }
    if (share >= 1) {
      return true;
    }
    return unit(requestId) < share;
  }

  private double unit(String requestId) {
    if (settings.sampling() == ShadowSettings.Sampling.RANDOM) {
      synchronized (random) {
        return random.nextDouble();
      }
    }
    long h = 0xcbf29ce484222325L ^ settings.seed(); // FNV-1a over the id's bytes, then mixed
    for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return (mix(h) >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser: spreads nearby hashes over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
