package dev.pailot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, reported with every figure (other builds share the CPU). */
final class Machine {
  private Machine() {}

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
