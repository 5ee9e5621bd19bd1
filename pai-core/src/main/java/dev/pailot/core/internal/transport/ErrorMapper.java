package dev.pailot.core.internal.transport;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where PAI's error responses become Pailot exceptions. Reads both key casings of the
 * error body ({@code Code}/{@code code}, ...), PAI's XML form, and the {@code x-ratelimit-*} wait
 * hint.
 */
final class ErrorMapper {
  static final Set<String> THROTTLING =
      Set.of("Throttling", "Throttling.User", "Throttling.Api", "Rejected.Throttling");
  static final Set<String> AUTHENTICATION =
      Set.of(
          "SignatureDoesNotMatch",
          "InvalidAccessKeyId.NotFound",
          "InvalidAccessKeyId",
          "InvalidAccessKeyId.Inactive",
          "IncompleteSignature",
          "InvalidSecurityToken.Expired",
          "InvalidSecurityToken.Malformed",
          "InvalidSecurityToken.MismatchWithAccessKey",
          "SignatureNonceUsed",
          "IllegalTimestamp",
          "Forbidden.RAM",
          "Forbidden.AccessKeyDisabled",
          "NoPermission",
          "InvalidCredentials");

  /** AIWorkspace reports not-found with numeric codes. */
  static final Set<String> NUMERIC_NOT_FOUND =
      Set.of("100400008", "100700008", "100400027", "201300003", "201400002");

  private static final Pattern TIME_LEFT = Pattern.compile("TimeLeft:(\\d+)");
  private static final Pattern XML_TAG = Pattern.compile("<(\\w+)>([^<]*)</\\1>");

  private final ObjectMapper json;

  ErrorMapper(ObjectMapper json) {
    this.json = json;
  }

  JsonNode parseBody(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new PaiException("PAI returned a response that is not JSON", ErrorDetails.none(), e);
    }
  }

  PaiException fromResponse(Operation op, int status, Map<String, String> headers, String body) {
    Fields f = fields(headers, body);
    String code = f.code;
    boolean throttled = (code != null && THROTTLING.contains(code)) || status == 429;
    boolean transient5xx = status >= 500 || "ServiceUnavailable".equals(code);
    ErrorDetails d =
        new ErrorDetails(
            op.product().id(),
            op.action(),
            f.requestId,
            code,
            f.message,
            f.recommend,
            status,
            throttled || transient5xx,
            1);
    String msg = message(op, d);
    if (throttled) {
      return new ThrottlingException(
          msg + " PAI is rate-limiting this account; the SDK backs off and retries.",
          d,
          timeLeft(headers));
    }
    if (code != null && AUTHENTICATION.contains(code) || status == 401) {
      return new AuthenticationException(
          msg + " Check the AccessKey id and secret, the machine clock, and the RAM policy.",
          d,
          null);
    }
    if (status == 404
        || code != null && (code.endsWith(".NotFound") || NUMERIC_NOT_FOUND.contains(code))) {
      return new ResourceNotFoundException(msg, d, null);
    }
    if (status == 403) {
      return new AuthenticationException(msg + " The RAM policy denies this action.", d, null);
    }
    if (status == 409
        || code != null
            && (code.contains("AlreadyExist")
                || code.contains("Duplicate")
                || code.contains("Conflict"))) {
      return new ConflictException(msg, d, null);
    }
    if (transient5xx) {
      return new ServiceUnavailableException(msg + " PAI failed transiently.", d, null);
    }
    if (status == 400) {
      return new ValidationException(msg + " Fix the request and send it again.", d);
    }
    return new PaiException(msg, d, null);
  }

  PaiException fromIoFailure(Operation op, Exception e) {
    ErrorDetails d =
        new ErrorDetails(op.product().id(), op.action(), null, null, null, null, 0, true, 1);
    String reason = e.getClass().getSimpleName();
    return new ServiceUnavailableException(
        op.product().id()
            + " "
            + op.action()
            + " failed before a response arrived ("
            + reason
            + "). Check network access to the endpoint.",
        d,
        e);
  }

  /**
   * A call that failed before or while sending: no credentials (the default chain found none, or
   * tea-openapi had none), or an I/O failure.
   */
  PaiException fromClientFailure(Operation op, Exception e) {
    if (isMissingCredentials(e)) {
      ErrorDetails d =
          new ErrorDetails(
              op.product().id(), op.action(), null, "InvalidCredentials", null, null, 0, false, 0);
      // The cause is dropped on purpose: the chain's report lists every provider it tried.
      return new AuthenticationException(
          op.product().id()
              + " "
              + op.action()
              + " was not sent: no credentials were found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and"
              + " ALIBABA_CLOUD_ACCESS_KEY_SECRET, a profile, a RAM role, or pass"
              + " PaiCredentials.accessKey(...).",
          d,
          null);
    }
    return fromIoFailure(op, e);
  }

  private static boolean isMissingCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CredentialException
          || t instanceof TeaException tea && "InvalidCredentials".equals(tea.getCode())) {
        return true;
      }
    }
    return false;
  }

  private static String message(Operation op, ErrorDetails d) {
    StringBuilder sb = new StringBuilder();
    sb.append(op.product().id()).append(' ').append(op.action()).append(" failed: HTTP ");
    sb.append(d.httpStatus());
    if (d.code() != null) {
      sb.append(' ').append(d.code());
    }
    if (d.serviceMessage() != null) {
      sb.append(": ").append(d.serviceMessage());
    }
    if (d.requestId() != null) {
      sb.append(" (request id ").append(d.requestId()).append(')');
    }
    sb.append('.');
    return sb.toString();
  }

  private Fields fields(Map<String, String> headers, String body) {
    Fields f = new Fields();
    String type = headers.getOrDefault("content-type", "");
    if (type.contains("xml") && body != null) {
      Matcher m = XML_TAG.matcher(body);
      while (m.find()) {
        f.put(m.group(1), m.group(2));
      }
      return f;
    }
    try {
      JsonNode node =
          body == null || body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
      node.properties().forEach(e -> f.put(e.getKey(), e.getValue().asText(null)));
    } catch (IOException e) {
      // Not JSON (e.g. a gateway's HTML page): keep the status, never echo the body.
    }
    if (f.requestId == null) {
      f.requestId = headers.get("x-acs-request-id");
    }
    return f;
  }

  static Duration timeLeft(Map<String, String> headers) {
    for (String name : new String[] {"x-ratelimit-user-api", "x-ratelimit-user"}) {
      String value = headers.get(name);
      if (value != null) {
        Matcher m = TIME_LEFT.matcher(value);
        if (m.find()) {
          // The unit is not documented; observed SDKs treat it as milliseconds.
          return Duration.ofMillis(Long.parseLong(m.group(1)));
        }
      }
    }
    return null;
  }

  private static final class Fields {
    String code;
    String message;
    String requestId;
    String recommend;

    void put(String key, String value) {
      switch (key) {
        case "Code", "code" -> code = value;
        case "Message", "message" -> message = value;
        case "RequestId", "requestId" -> requestId = value;
        case "Recommend", "recommend" -> recommend = value;
        default -> {}
      }
    }
  }
}
