package dev.pailot.observability.internal;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one place where this module's HTTP calls (engine {@code /metrics}, Prometheus's API) run and
 * their failures become {@link PaiException}s. Messages name the URL and what to do, never a token
 * or a body beyond the server's own error text. SDK-internal; thread-safe.
 */
public final class HttpCalls {
  private HttpCalls() {}

  /**
   * A client with a deadline for the whole call.
   *
   * @param timeout connect + write + read deadline
   * @return a new client; its threads are daemons and stop when idle
   */
  public static OkHttpClient client(Duration timeout) {
    return new OkHttpClient.Builder()
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .retryOnConnectionFailure(false)
        .build();
  }

  /**
   * Checks a caller's call settings before any request is sent.
   *
   * @param timeout the deadline for one call
   * @param example a good timeout for the message, e.g. {@code 2s}
   * @param tokenField the builder field that holds the token
   * @param token the bearer token, or null for none
   * @throws ValidationException if the timeout is not positive or the token is blank
   */
  public static void checkSettings(
      Duration timeout, String example, String tokenField, String token) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw ValidationException.invalidField(
          "timeout", timeout + " is not positive", "use e.g. " + example);
    }
    if (token != null && token.isBlank()) {
      throw ValidationException.invalidField(tokenField, "is blank", "pass the token or none");
    }
  }

  /**
   * Finishes a request, with {@code Authorization: Bearer <token>} when there is a token.
   *
   * @param request the request so far
   * @param token the token, or null for none
   * @return the request
   */
  public static Request bearer(Request.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  /**
   * Releases a client's connections and threads. Idempotent.
   *
   * @param http a client made by {@link #client(Duration)}
   */
  public static void release(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** What a successful call returned. */
  public record Answer(int status, String body) {}

  /**
   * Runs a call and returns its body; with {@code errorBodies}, a JSON answer with one of the
   * statuses Prometheus uses for {@code status: error} (400, 422, 500, 503) is returned too.
   *
   * @param http the client
   * @param request the request
   * @param what e.g. {@code engine metrics}, for messages
   * @param errorBodies whether error answers with a body are returned instead of thrown
   * @return the answer
   * @throws PaiException mapped from the status or the I/O failure
   */
  public static Answer execute(
      OkHttpClient http, Request request, String what, boolean errorBodies) {
    String url = request.url().newBuilder().query(null).build().toString();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.isSuccessful() || (errorBodies && apiError(response.code(), text))) {
        return new Answer(response.code(), text);
      }
      throw status(response.code(), url, what);
    } catch (InterruptedIOException e) {
      throw new ServiceUnavailableException(
          "Timed out reading "
              + what
              + " from "
              + url
              + ". Check the endpoint, or raise the"
              + " timeout.",
          details(0, true),
          e);
    } catch (IOException e) {
      throw new ServiceUnavailableException(
          "Could not read "
              + what
              + " from "
              + url
              + ": "
              + e.getClass().getSimpleName()
              + ". Check that the endpoint is up and reachable.",
          details(0, true),
          e);
    }
  }

  /** Prometheus answers {@code status: error} JSON with 400, 422 and 503 (and 500 on panics). */
  private static boolean apiError(int code, String text) {
    return (code == 400 || code == 422 || code == 500 || code == 503)
        && text.stripLeading().startsWith("{");
  }

  private static PaiException status(int code, String url, String what) {
    String message = "Reading " + what + " from " + url + " failed with HTTP " + code + ". ";
    if (code == 401 || code == 403) {
      return new AuthenticationException(
          message + "Check the token (EAS services need their access token).",
          details(code, false),
          null);
    }
    if (code == 404) {
      return new ResourceNotFoundException(
          message + "Check the URL; engines serve /metrics next to /v1.",
          details(code, false),
          null);
    }
    if (code == 429) {
      return new ThrottlingException(message + "Poll less often.", details(code, true), null);
    }
    if (code >= 500) {
      return new ServiceUnavailableException(
          message + "The server is failing; try again later.", details(code, true), null);
    }
    return new PaiException(message + "Check the request.", details(code, false), null);
  }

  private static ErrorDetails details(int status, boolean retryable) {
    return new ErrorDetails(null, null, null, null, null, null, status, retryable, 1);
  }
}
