package dev.pailot.serving.eas.internal;

import dev.pailot.core.error.AuthenticationException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Probes a service's own endpoint the way its callers reach it: {@code GET <endpoint>/v1/models}
 * (OpenAI-compatible engines), falling back to {@code /health} when the service answers 404 there.
 * 2xx means the inference path answers; 502/503/504 (EAS answers 503 {@code no healthy upstream}
 * until an instance is ready), other 5xx and I/O failures mean "not yet"; 401/403 means the token
 * is wrong and fails at once. Thread-safe; owns an OkHttp client that {@link #close()} ends.
 */
public final class Readiness implements AutoCloseable {
  /** Probe paths, in order. */
  static final String[] PATHS = {"/v1/models", "/health"};

  private final OkHttpClient http;

  /**
   * Creates the prober.
   *
   * @param callTimeout timeout of one probe
   */
  public Readiness(Duration callTimeout) {
    this.http =
        new OkHttpClient.Builder().callTimeout(callTimeout).retryOnConnectionFailure(false).build();
  }

  /**
   * One probe.
   *
   * @param endpoint the service endpoint URL
   * @param token the access token, or {@code null}
   * @return the outcome
   * @throws AuthenticationException if the endpoint refuses the token
   */
  public Probe probe(String endpoint, String token) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    int last = -1;
    for (String path : PATHS) {
      Request.Builder r = new Request.Builder().url(base + path).get();
      if (token != null) {
        r.header("Authorization", token);
      }
      try (Response response = http.newCall(r.build()).execute()) {
        last = response.code();
        if (last == 401 || last == 403) {
          throw new AuthenticationException(
              "The endpoint of the service refused its access token (HTTP "
                  + last
                  + ")."
                  + " Check that the token is the service's AccessToken.",
              null,
              null);
        }
        if (last != 404) {
          return new Probe(path, last, last >= 200 && last < 300);
        }
      } catch (IOException e) {
        return new Probe(path, -1, false);
      }
    }
    return new Probe(PATHS[PATHS.length - 1], last, false);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /**
   * One probe's outcome.
   *
   * @param path the path that answered
   * @param status HTTP status, -1 for an I/O failure
   * @param ready whether it answered 2xx
   */
  public record Probe(String path, int status, boolean ready) {}
}
