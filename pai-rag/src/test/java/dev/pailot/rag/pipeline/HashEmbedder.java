package dev.pailot.rag.pipeline;

import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, deterministic test embedder: words hashed into 64 signed dimensions, so texts sharing
 * words are similar. Counts its calls.
 */
public final class HashEmbedder implements Embedder {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger texts = new AtomicInteger();

  @Override
  public List<float[]> embed(List<String> in) {
    calls.incrementAndGet();
    texts.addAndGet(in.size());
    List<float[]> out = new ArrayList<>();
    for (String t : in) {
      float[] v = new float[64];
      for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          int h = w.hashCode();
          v[Math.floorMod(h, 64)] += (h & 0x100) == 0 ? 1 : -1;
        }
      }
      v[0] += 0.01f;
      out.add(Vectors.normalised(v));
    }
    return out;
  }

  /**
   * Calls so far.
   *
   * @return calls
   */
  public int calls() {
    return calls.get();
  }

  @Override
  public int dimension() {
    return 64;
  }

  @Override
  public String name() {
    return "hash-64";
  }
}
