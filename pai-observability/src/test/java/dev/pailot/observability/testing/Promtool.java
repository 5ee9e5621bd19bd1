package dev.pailot.observability.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's {@code promtool}. The build requires it (CI installs Debian's {@code
 * prometheus} package in {@code .ci/run}); a missing binary fails the test with the install
 * command.
 */
public final class Promtool {
  /** What {@code promtool} printed and its exit code. */
  public record Result(int exitCode, String output) {}

  private Promtool() {}

  /** The binary, from {@code PROMTOOL} or the PATH. */
  public static Path binary() {
    String override = System.getenv("PROMTOOL");
    if (override != null && Files.isExecutable(Path.of(override))) {
      return Path.of(override);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, "promtool");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        "promtool not found on the PATH. Install it with `apt-get install -y prometheus` (Debian's"
            + " package; .ci/run does this) or set PROMTOOL=/path/to/promtool.");
  }

  /** Runs {@code promtool <args>} and waits up to 60 s. */
  public static Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("promtool hung: " + command);
      }
      return new Result(
          p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
