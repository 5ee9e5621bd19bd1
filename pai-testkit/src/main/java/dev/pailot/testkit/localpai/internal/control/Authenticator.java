package dev.pailot.testkit.localpai.internal.control;

import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.localpai.V3SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Authenticates control-plane requests as Alibaba Cloud's gateway does for V3 signatures: a known
 * AccessKey (and its STS token), a valid {@code ACS3-HMAC-SHA256} signature, an {@code x-acs-date}
 * within the allowed skew and a signature nonce not seen within that window. Thread-safe.
 *
 * <p>Error answers use Alibaba's codes: {@code IncompleteSignature} (400), {@code
 * InvalidAccessKeyId.NotFound} (404), {@code SignatureDoesNotMatch} (400), {@code
 * InvalidSecurityToken.*} (400), {@code IllegalTimestamp} (400), {@code SignatureNonceUsed} (400).
 * Messages never contain the secret or the {@code Authorization} header.
 */
public final class Authenticator {
  private static final int PRUNE_EVERY = 1024;

  private final Map<String, PaiCredentials> keys = new LinkedHashMap<>();
  private final V3SignatureVerifier verifier;
  private final Clock clock;
  private final Duration maxSkew;
  private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
  private final AtomicInteger sincePrune = new AtomicInteger();

  /**
   * Creates an authenticator.
   *
   * @param accepted credentials accepted (AccessKey pairs or STS triples)
   * @param clock clock for the timestamp check
   * @param maxSkew allowed distance between {@code x-acs-date} and the clock
   */
  public Authenticator(List<PaiCredentials> accepted, Clock clock, Duration maxSkew) {
    for (PaiCredentials c : accepted) {
      keys.put(c.accessKeyId().orElseThrow(), c);
    }
    this.verifier =
        V3SignatureVerifier.forSecrets(
            id -> Optional.ofNullable(keys.get(id)).flatMap(PaiCredentials::accessKeySecret));
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /**
   * Checks a request.
   *
   * @param request the request
   * @throws ServiceError if it is not correctly signed
   */
  public void authenticate(ControlRequest request) {
    V3SignatureVerifier.Result result =
        verifier.verify(
            request.method(),
            request.rawPath(),
            request.query(),
            request.headers(),
            request.body());
    switch (result.outcome()) {
      case VALID -> {}
      case UNKNOWN_ACCESS_KEY ->
          throw ServiceError.notFound(
              "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
      case SIGNATURE_MISMATCH, CONTENT_HASH_MISMATCH ->
          throw new ServiceError(
              400,
              "SignatureDoesNotMatch",
              "Specified signature does not match our calculation: " + result.detail());
      default ->
          throw new ServiceError(
              400,
              "IncompleteSignature",
              "The request signature does not conform to Aliyun standards: "
                  + result.detail()
                  + ".");
    }
    checkSecurityToken(request, keys.get(result.accessKeyId()));
    checkDate(request.header("x-acs-date"));
    checkNonce(request.header("x-acs-signature-nonce"));
  }

  private static void checkSecurityToken(ControlRequest request, PaiCredentials key) {
    String sent = request.header("x-acs-security-token");
    Optional<String> expected = key.securityToken();
    if (expected.isEmpty()) {
      if (sent != null) {
        throw new ServiceError(
            400,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "The security token does not belong to this AccessKey id.");
      }
      return;
    }
    if (sent == null) {
      throw new ServiceError(
          400,
          "InvalidSecurityToken.Malformed",
          "The STS AccessKey id requires the x-acs-security-token header.");
    }
    if (!MessageDigest.isEqual(
        sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
      throw new ServiceError(
          400,
          "InvalidSecurityToken.MismatchWithAccessKey",
          "The security token does not belong to this AccessKey id.");
    }
  }

  private void checkDate(String date) {
    if (date == null) {
      throw new ServiceError(
          400,
          "IncompleteSignature",
          "The request signature does not conform to Aliyun standards: x-acs-date is missing.");
    }
    Instant sent;
    try {
      sent = Instant.parse(date);
    } catch (DateTimeParseException e) {
      throw new ServiceError(
          400, "IllegalTimestamp", "x-acs-date must be UTC ISO-8601, e.g. 2026-01-01T00:00:00Z.");
    }
    Duration skew = Duration.between(sent, clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw new ServiceError(
          400,
          "IllegalTimestamp",
          "Specified time stamp or date value is expired: x-acs-date differs from server time by "
              + skew.toSeconds()
              + " s.");
    }
  }

  private void checkNonce(String nonce) {
    if (nonce == null || nonce.isBlank()) {
      throw new ServiceError(
          400,
          "IncompleteSignature",
          "The request signature does not conform to Aliyun standards:"
              + " x-acs-signature-nonce is missing.");
    }
    Instant now = clock.instant();
    if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
      sincePrune.set(0);
      Instant horizon = now.minus(maxSkew.multipliedBy(2));
      nonces.values().removeIf(seen -> seen.isBefore(horizon));
    }
    if (nonces.putIfAbsent(nonce, now) != null) {
      throw new ServiceError(
          400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }
  }
}
