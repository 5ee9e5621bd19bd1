package dev.pailot.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts each selected benchmark in its own JVM (the 1,000-stream benchmark with {@code -Xmx256m})
 * and prints a summary of verdicts. {@code streams-25} runs the 1,000-stream benchmark's client JVM
 * on Java 25 with the client's own executor (virtual threads from Java 24 on), {@code streams-vt}
 * the same with a virtual-thread executor passed in (the server JVM stays on this Java), {@code
 * streams-nio} the benchmark on this Java with {@code Transport.APACHE_ASYNC} and {@code
 * goodput-nio} the goodput benchmark so, both with direct listeners. {@code peers} runs one JVM per
 * transport ({@code peers-nio} only the {@code APACHE_ASYNC} one). Reports go to {@code
 * target/bench/}.
 */
public final class BenchmarkLauncher {
  private static final Map<String, String> MAINS =
      Map.of(
          "overhead", OverheadBenchmark.class.getName(),
          "peers", PeersBenchmark.class.getName(),
          "peers-nio", PeersBenchmark.class.getName(),
          "goodput", GoodputBenchmark.class.getName(),
          "goodput-nio", GoodputBenchmark.class.getName(),
          "streams", StreamsBenchmark.class.getName(),
          "streams-25", StreamsBenchmark.class.getName(),
          "streams-vt", StreamsBenchmark.class.getName(),
          "streams-nio", StreamsBenchmark.class.getName());
  private static final List<String> ORDER =
      List.of(
          "overhead",
          "peers",
          "peers-nio",
          "goodput",
          "goodput-nio",
          "streams",
          "streams-nio",
          "streams-25",
          "streams-vt");

  /**
   * The JDK for {@code streams-25} and {@code streams-vt}: {@code -Dbench.java25=...}, else Temurin
   * 25's usual place.
   */
  private static final String JAVA_25 =
      System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  private BenchmarkLauncher() {}

  /** The last argument of each JVM the benchmark {@code name} runs ({@code null}: none). */
  private static List<String> modes(String name, boolean vt) {
    if (name.equals("peers")) {
      return List.of("OKHTTP", "APACHE_ASYNC");
    }
    if (name.equals("peers-nio")) {
      return List.of("APACHE_ASYNC");
    }
    List<String> one = new ArrayList<>();
    one.add(vt ? "virtual" : name.endsWith("-nio") ? "nio" : null);
    return one;
  }

  /**
   * Entry point.
   *
   * @param args which ({@code overhead}, {@code peers}, {@code peers-nio}, {@code goodput}, {@code
   *     goodput-nio}, {@code streams}, {@code streams-nio}, {@code streams-25}, {@code streams-vt},
   *     a comma list, or {@code all}) and measured seconds per run
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
      boolean vt = name.equals("streams-vt");
      boolean on25 = vt || name.equals("streams-25");
      List<String> command =
          new ArrayList<>(
              List.of(on25 ? JAVA_25 : java, name.startsWith("streams") ? "-Xmx256m" : "-Xmx1g"));
      command.add("-Dbench.server.java=" + java); // the server JVM stays on this Java
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, seconds));
      for (String mode : modes(name, vt)) {
        List<String> run = new ArrayList<>(command);
        if (mode != null) {
          run.add(mode);
        }
        System.out.println(
            "== "
                + name
                + ": "
                + String.join(" ", run.subList(0, 2))
                + " "
                + main
                + " "
                + seconds
                + (mode != null ? " " + mode : ""));
        int exit = new ProcessBuilder(run).inheritIO().start().waitFor();
        if (exit != 0) {
          failed++;
          System.out.println("== " + name + " exited with " + exit);
        }
      }
    }
    System.out.println("== reports in " + Path.of("target", "bench").toAbsolutePath());
    if (failed > 0) {
      System.exit(1);
    }
  }
}
