package dev.pailot.benchmarks;

import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchServer} in a child JVM on this JVM's class path; closing it stops the child. */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  final String endpoint;
  final String token;
  final String host;
  final String service;

  private ServerProcess(Process process, String[] ready) {
    this.process = process;
    this.endpoint = ready[1];
    this.token = ready[2];
    this.host = ready[3];
    this.service = ready[4];
  }

  static ServerProcess start(String kind) throws IOException {
    // The launcher pins the server's JVM, so a client benchmark on another Java keeps the same
    // server.
    String java =
        System.getProperty(
            "bench.server.java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BenchServer.class.getName(),
                    kind))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        return new ServerProcess(p, line.split(" "));
      }
    }
    p.destroyForcibly();
    throw new IOException("LocalPai server (" + kind + ") exited before READY");
  }

  /**
   * A client of this server's endpoint with the client's defaults, on {@code transport}.
   *
   * @param transport the HTTP stack
   * @return the client; close it
   */
  InferenceClient client(Transport transport) {
    return client(transport, false);
  }

  /**
   * A client of this server's endpoint with the client's defaults, on {@code transport}, its stream
   * listeners called on the I/O thread if {@code direct}.
   *
   * @param transport the HTTP stack
   * @param direct {@code InferenceClientBuilder.directListeners}
   * @return the client; close it
   */
  InferenceClient client(Transport transport, boolean direct) {
    return InferenceClient.builder()
        .endpoint(endpoint)
        .token(token)
        .transport(transport)
        .directListeners(direct)
        .build();
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
