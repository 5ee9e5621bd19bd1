package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.EndpointUnavailableException;
import dev.pailot.serving.client.InferenceResponseException;
import dev.pailot.serving.client.InferenceResponseException.Reason;
import dev.pailot.serving.client.ServiceNotReadyException;
import dev.pailot.serving.client.internal.pool.EndpointPool;
import dev.pailot.serving.client.internal.wire.ErrorBodyDto;
import dev.pailot.serving.client.internal.wire.ErrorDto;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The one place where HTTP statuses, error bodies and broken streams become exceptions. Messages
 * say what failed, on which service, and what to do; the engine's own error message is quoted
 * (shortened) because it names the problem, but request bodies, generated text and the token never
 * appear.
 */
final class InferenceErrors {
  private static final int QUOTE_LIMIT = 300;

  private final ObjectReader errorReader;

  InferenceErrors(ObjectReader errorReader) {
    this.errorReader = errorReader;
  }

  /** Maps a non-2xx answer. The body is read (at most 64 KiB), not closed. */
  PaiException fromStatus(RequestInfo info, HttpAnswer response) {
    int status = response.code();
    String body = response.peek();
    ErrorDto error = parse(body);
    String quoted = error != null ? quote(error.message()) : null;
    String type = error != null && error.type() != null ? error.type() : "HTTP " + status;
    Duration retryAfter = retryAfter(response.header("Retry-After"));
    String said = quoted != null ? ": " + quoted : "";
    String head = info.subject() + " failed with HTTP " + status + said;
    return switch (status) {
      case 401, 403 ->
          new AuthenticationException(
              head
                  + ". Fix: check the EAS token: use the service's AccessToken (DescribeService), or"
                  + " the group's token for a group endpoint, and that it belongs to this endpoint.",
              info.details(type, quoted, status, false),
              null);
      case 429 ->
          new ThrottlingException(
              head + ". Fix: " + waitHint(retryAfter) + " or lower the client's concurrency limit.",
              info.details(type, quoted, status, true),
              retryAfter);
      case 400, 422 ->
          new ValidationException(
              head + ". Fix: correct the request as the message says.",
              info.details(type, quoted, status, false));
      case 404 ->
          new ResourceNotFoundException(
              head + ". Fix: check the model name (GET /v1/models) and the endpoint path.",
              info.details(type, quoted, status, false),
              null);
      default ->
          status >= 500
              ? unavailable(info, status, body, quoted, type, retryAfter)
              : new InferenceResponseException(
                  head + ".",
                  info.details(type, quoted, status, false),
                  null,
                  Reason.ENGINE_ERROR,
                  0);
    };
  }

  private EndpointUnavailableException unavailable(
      RequestInfo info, int status, String body, String quoted, String type, Duration retryAfter) {
    if (status == 503 && body.toLowerCase(Locale.ROOT).contains("no healthy upstream")) {
      return new ServiceNotReadyException(
          info.subject()
              + " failed: the EAS gateway has no ready replica (HTTP 503 no healthy"
              + " upstream). Fix: wait until the service is Running (DescribeService), or check"
              + " its events if replicas keep failing.",
          info.details("NoHealthyUpstream", "no healthy upstream", status, true),
          retryAfter);
    }
    String said = quoted != null ? ": " + quoted : "";
    return new EndpointUnavailableException(
        info.subject()
            + " failed with HTTP "
            + status
            + said
            + ". Fix: "
            + waitHint(retryAfter)
            + "; nothing was generated, so the request is safe to repeat.",
        info.details(type, quoted, status, true),
        null,
        retryAfter);
  }

  /** The connection failed before any answer arrived. */
  EndpointUnavailableException unreachable(RequestInfo info, IOException e) {
    String fix =
        e instanceof SSLException
            ? "the endpoint's TLS certificate must be valid for its host and signed by a CA this"
                + " JVM trusts (javax.net.ssl.trustStore; with the OkHttp transport also"
                + " okHttpClient(...))"
            : "check the endpoint URL and the network (VPC endpoints work only inside the VPC)";
    return new EndpointUnavailableException(
        info.subject()
            + " could not be sent: "
            + e.getClass().getSimpleName()
            + ". Fix: "
            + fix
            + "; nothing was generated, so the request is safe to repeat.",
        info.details("ConnectionFailed", null, 0, true),
        e,
        null);
  }

  /** No endpoint of the pool could take an attempt. */
  EndpointUnavailableException noEndpoint(RequestInfo info, String why, EndpointPool pool) {
    Duration wait = pool.untilUsable();
    return new EndpointUnavailableException(
        info.operation().tag()
            + " on service "
            + info.serviceName()
            + " found no usable endpoint ("
            + why
            + "). Fix: check the endpoints' health (InferenceClient.endpointStatus()); nothing"
            + " was generated, so the request is safe to repeat.",
        info.details("NoUsableEndpoint", null, 0, true),
        null,
        wait.isZero() ? null : wait);
  }

  /** The connection broke after the answer started. */
  InferenceResponseException connectionLost(RequestInfo info, IOException e, int deltas) {
    return new InferenceResponseException(
        info.subject()
            + " lost its connection after "
            + deltas
            + " deltas: "
            + e.getClass().getSimpleName()
            + ". The answer is incomplete.",
        info.details("ConnectionLost", null, 200, deltas == 0),
        e,
        Reason.CONNECTION_LOST,
        deltas);
  }

  /** The engine put an error object into the stream. */
  InferenceResponseException streamError(RequestInfo info, ErrorDto error, int deltas) {
    String quoted = quote(error.message());
    String type = error.type() != null ? error.type() : "EngineError";
    return new InferenceResponseException(
        info.subject()
            + " failed mid-stream after "
            + deltas
            + " deltas; the engine reported "
            + type
            + (quoted != null ? ": " + quoted : "")
            + ".",
        info.details(type, quoted, 200, false),
        null,
        Reason.ENGINE_ERROR,
        deltas);
  }

  /** A body or event was not valid JSON. Quotes Jackson's diagnosis, not the data. */
  InferenceResponseException malformed(
      RequestInfo info, String what, JsonProcessingException e, int deltas) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new InferenceResponseException(
        info.subject()
            + ": "
            + what
            + " is not valid JSON"
            + where
            + " ("
            + e.getOriginalMessage()
            + "). The endpoint does not speak the OpenAI protocol here,"
            + " or a proxy altered the answer.",
        info.details("MalformedJson", null, 200, false),
        null,
        Reason.MALFORMED_JSON,
        deltas);
  }

  /** A body had valid JSON of the wrong shape. */
  InferenceResponseException unexpected(RequestInfo info, String problem) {
    return new InferenceResponseException(
        info.subject() + ": " + problem + ". The endpoint does not speak the OpenAI protocol here.",
        info.details("UnexpectedShape", null, 200, false),
        null,
        Reason.MALFORMED_JSON,
        0);
  }

  /** The stream closed without {@code [DONE]}. */
  InferenceResponseException endedWithoutDone(RequestInfo info, int deltas) {
    return new InferenceResponseException(
        info.subject()
            + ": the event stream ended without data: [DONE] after "
            + deltas
            + " deltas, so the answer may be truncated (the engine or a proxy closed it early).",
        info.details("EndedWithoutDone", null, 200, false),
        null,
        Reason.ENDED_WITHOUT_DONE,
        deltas);
  }

  /** A streamed request got something other than an event stream. */
  InferenceResponseException notEventStream(RequestInfo info, HttpAnswer response) {
    String type = response.header("Content-Type");
    type = type != null ? type : "no Content-Type";
    return new InferenceResponseException(
        info.subject()
            + ": a streamed request was answered with "
            + type
            + " instead of text/event-stream. Fix: check that the endpoint serves an OpenAI-"
            + "compatible engine that supports stream=true.",
        info.details("NotAnEventStream", null, response.code(), false),
        null,
        Reason.NOT_AN_EVENT_STREAM,
        0);
  }

  private ErrorDto parse(String body) {
    if (body.isBlank() || body.charAt(0) != '{') {
      return null;
    }
    try {
      ErrorBodyDto dto = errorReader.readValue(body);
      return dto == null ? null : dto.resolve();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String quote(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String m = message.strip().replaceAll("\\s+", " ");
    return m.length() <= QUOTE_LIMIT ? m : m.substring(0, QUOTE_LIMIT) + "...";
  }

  private static String waitHint(Duration retryAfter) {
    return retryAfter == null
        ? "retry later with backoff"
        : "retry after " + retryAfter.toMillis() + " ms (Retry-After)";
  }

  /** Parses {@code Retry-After}: delay seconds (fractions tolerated) or an HTTP date. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    try {
      double seconds = Double.parseDouble(h);
      return Double.isFinite(seconds)
          ? Duration.ofMillis((long) (Math.max(0, Math.min(seconds, 86_400)) * 1000))
          : null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
