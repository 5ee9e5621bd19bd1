package dev.pailot.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts each selected benchmark in its own JVM (the 1,000-stream benchmark with {@code -Xmx256m})
 * and prints a summary of verdicts. Reports go to {@code target/bench/}.
 */
public final class BenchmarkLauncher {
  private static final Map<String, String> MAINS =
      Map.of(
          "overhead", OverheadBenchmark.class.getName(),
          "peers", PeersBenchmark.class.getName(),
          "goodput", GoodputBenchmark.class.getName(),
          "streams", StreamsBenchmark.class.getName());
  private static final List<String> ORDER = List.of("overhead", "peers", "goodput", "streams");

  private BenchmarkLauncher() {}

  /**
   * Entry point.
   *
   * @param args which ({@code overhead}, {@code peers}, {@code goodput}, {@code streams}, a comma
   *     list, or {@code all}) and measured seconds per run
   * @throws Exception if a benchmark cannot start
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    String seconds = args.length > 1 ? args[1] : "15";
    List<String> selected = which.equals("all") ? ORDER : List.of(which.split(","));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int failed = 0;
    for (String name : selected) {
      String main = MAINS.get(name);
      if (main == null) {
        throw new IllegalArgumentException("unknown benchmark " + name + "; use " + ORDER);
      }
      List<String> command =
          new ArrayList<>(List.of(java, name.equals("streams") ? "-Xmx256m" : "-Xmx1g"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, seconds));
      System.out.println(
          "== "
              + name
              + ": "
              + String.join(" ", command.subList(0, 2))
              + " "
              + main
              + " "
              + seconds);
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        failed++;
        System.out.println("== " + name + " exited with " + exit);
      }
    }
    System.out.println("== reports in " + Path.of("target", "bench").toAbsolutePath());
    if (failed > 0) {
      System.exit(1);
    }
  }
}
