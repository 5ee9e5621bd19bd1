package dev.pailot.rag.bench;

import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.embed.TokenCounter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An embedder that keeps every vector it computes in an append-only file (SHA-256 of the text, then
 * the floats), so re-running the benchmark embeds only new chunks. Benchmark code; not thread-safe.
 */
final class DiskCachedEmbedder implements Embedder {
  private final Embedder model;
  private final Path file;
  private final Map<String, float[]> vectors = new HashMap<>();
  int computed;

  DiskCachedEmbedder(Embedder model, Path dir) throws IOException {
    this.model = model;
    Files.createDirectories(dir);
    this.file = dir.resolve("embeddings-" + model.name() + ".bin");
    if (Files.exists(file)) {
      try (DataInputStream in =
          new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
        while (true) {
          byte[] key = new byte[32];
          in.readFully(key);
          float[] v = new float[model.dimension()];
          for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
          }
          vectors.put(HexFormat.of().formatHex(key), v);
        }
      } catch (EOFException end) {
        // A torn last record (interrupted run) is dropped.
      }
    }
  }

  int cached() {
    return vectors.size();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<String> keys = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String t : texts) {
      String k = key(t);
      keys.add(k);
      if (!vectors.containsKey(k) && !missing.contains(t)) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = model.embed(missing);
      computed += missing.size();
      try (DataOutputStream out =
          new DataOutputStream(
              new java.io.BufferedOutputStream(
                  Files.newOutputStream(
                      file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
        for (int i = 0; i < missing.size(); i++) {
          String k = key(missing.get(i));
          vectors.put(k, fresh.get(i));
          out.write(HexFormat.of().parseHex(k));
          for (float f : fresh.get(i)) {
            out.writeFloat(f);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<float[]> out = new ArrayList<>();
    keys.forEach(k -> out.add(vectors.get(k)));
    return out;
  }

  private static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public TokenCounter tokenCounter() {
    return model.tokenCounter();
  }
}
