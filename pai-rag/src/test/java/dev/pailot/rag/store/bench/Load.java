package dev.pailot.rag.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, recorded with every figure: other processes share the cores. */
final class Load {
  private Load() {}

  static String uptime() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average " + f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "load unknown";
    }
  }
}
