package dev.pailot.benchmarks;

import dev.pailot.examples.load.LocalLlm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of a benchmark, in its own JVM: LocalPai with one service. Prints {@code READY
 * <endpoint> <token> <host:port> <service>} on stdout, then runs until stdin closes.
 *
 * <p>Kinds: {@code raw-echo} (a minimal Netty echo endpoint, see {@link EchoServer}), {@code fast}
 * (vLLM engine with zero step cost, up to 1,024 sequences), {@code echo} (echo container for raw
 * predict), {@code goodput} (the engine profile of the goodput benchmark, see {@link
 * GoodputBenchmark}).
 */
public final class BenchServer {
  private BenchServer() {}

  /**
   * Entry point.
   *
   * @param args the kind
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "fast";
    if (kind.equals("raw-echo")) {
      try (EchoServer echo = new EchoServer()) {
        String host = "127.0.0.1:" + echo.port();
        System.out.println(
            "READY http://" + host + "/api/predict/bench_echo bench-token " + host + " bench_echo");
        System.out.flush();
        while (System.in.read() >= 0) {
          // run until the benchmark closes our stdin
        }
      }
      return;
    }
    try (LocalLlm llm = start(kind)) {
      System.out.println(
          "READY "
              + llm.endpoint()
              + " "
              + llm.token()
              + " "
              + llm.gatewayHost()
              + " "
              + llm.name());
      System.out.flush();
      while (System.in.read() >= 0) {
        // run until the benchmark closes our stdin
      }
    }
  }

  private static LocalLlm start(String kind) {
    switch (kind) {
      case "echo":
        return LocalLlm.startEcho("bench_echo");
      case "goodput":
        return LocalLlm.startVllm(
            "bench_goodput",
            GoodputBenchmark.ENGINE_SCRIPT,
            "qwen2.5-7b-instruct",
            GoodputBenchmark.engineCosts());
      case "streams":
        Map<String, String> slow = new LinkedHashMap<>();
        slow.put("LOCALPAI_STEP_BASE_US", "20000");
        slow.put("LOCALPAI_STEP_PER_SEQ_US", "20");
        slow.put("LOCALPAI_PREFILL_US_PER_TOKEN", "0");
        return LocalLlm.startVllm(
            "bench_streams",
            "vllm serve /mnt/model --max-num-seqs 1024 --max-num-batched-tokens 65536",
            "qwen2.5-0.5b-instruct",
            slow);
      default:
        Map<String, String> zero = new LinkedHashMap<>();
        zero.put("LOCALPAI_STEP_BASE_US", "0");
        zero.put("LOCALPAI_STEP_PER_SEQ_US", "0");
        zero.put("LOCALPAI_PREFILL_US_PER_TOKEN", "0");
        return LocalLlm.startVllm(
            "bench_fast",
            "vllm serve /mnt/model --max-num-seqs 1024 --max-num-batched-tokens 65536",
            "qwen2.5-0.5b-instruct",
            zero);
    }
  }
}
