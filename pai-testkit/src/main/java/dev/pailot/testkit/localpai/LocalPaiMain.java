package dev.pailot.testkit.localpai;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs LocalPai as a standalone process until interrupted:
 *
 * <pre>
 * java -jar pai-testkit-VERSION-localpai.jar --port 8099 --time-scale-ms 100
 * </pre>
 *
 * <p>Options: {@code --host}, {@code --port}, {@code --region}, {@code --time-scale-ms}, {@code
 * --access-key-id}, {@code --access-key-secret}, {@code --seed}, {@code --state-dir}, {@code
 * --help}. The secret is never printed.
 */
public final class LocalPaiMain {
  private static final String LOGBACK_CONFIG = "dev/pailot/testkit/localpai/localpai-logback.xml";

  private LocalPaiMain() {}

  /**
   * Starts LocalPai and blocks until the JVM is asked to stop.
   *
   * @param args command-line options
   * @throws InterruptedException if the main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    // Quiet by default (Netty debug output otherwise); an explicit -D setting wins.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    LocalPaiOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("localpai: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    if (options == null) {
      usage(System.out);
      return;
    }
    LocalPai localPai = LocalPai.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  localPai.close();
                  stopped.countDown();
                },
                "localpai-shutdown"));
    System.out.println("LocalPai listening on " + localPai.endpoint());
    System.out.println("  region:        " + localPai.region());
    System.out.println("  AccessKey id:  " + options.accessKeyId());
    System.out.println(
        "  secret:        "
            + (options.accessKeySecret().equals(LocalPaiOptions.DEFAULT_ACCESS_KEY_SECRET)
                ? "the default test secret (LocalPaiOptions.DEFAULT_ACCESS_KEY_SECRET)"
                : "as given by --access-key-secret"));
    System.out.println("  emulated min:  " + options.timeScale().toMillis() + " ms");
    stopped.await();
  }

  /**
   * Parses command-line options.
   *
   * @param args arguments
   * @return options, or {@code null} when help was asked for
   * @throws IllegalArgumentException naming the bad option
   */
  static LocalPaiOptions parse(String[] args) {
    LocalPaiOptions.Builder b = LocalPaiOptions.builder();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> b.host(value);
        case "--port" -> b.port(number(flag, value));
        case "--region" -> b.region(value);
        case "--time-scale-ms" -> b.timeScale(Duration.ofMillis(number(flag, value)));
        case "--access-key-id" -> b.accessKeyId(value);
        case "--access-key-secret" -> b.accessKeySecret(value);
        case "--seed" -> b.randomSeed(number(flag, value));
        case "--state-dir" -> b.stateDirectory(java.nio.file.Path.of(value));
        case "--data-dir" -> b.dataDirectory(java.nio.file.Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return b.build();
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number, was " + value, e);
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: java -jar pai-testkit-<version>-localpai.jar [--host 127.0.0.1] [--port 0]\n"
            + "         [--region cn-shanghai] [--time-scale-ms 100] [--seed 42] [--state-dir DIR] [--data-dir DIR]\n"
            + "         [--access-key-id ID] [--access-key-secret SECRET]");
  }
}
