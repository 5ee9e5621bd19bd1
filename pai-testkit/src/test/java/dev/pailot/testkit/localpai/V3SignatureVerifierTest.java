package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaRequest;
import dev.pailot.testkit.localpai.V3SignatureVerifier.Outcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class V3SignatureVerifierTest {
  private static final String AK = "LTAI5tExampleKeyId";
  private static final String SECRET = "exampleSecretForTestsOnly";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final V3SignatureVerifier verifier = V3SignatureVerifier.forKey(AK, SECRET);

  /** The GetJob request of PAI_API.md §9.6, signed by hand in this test. */
  private static Map<String, String> getJobHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", "pai-dlc.cn-hangzhou.aliyuncs.com");
    h.put("x-acs-action", "GetJob");
    h.put("x-acs-content-sha256", EMPTY_SHA256);
    h.put("x-acs-date", "2026-01-01T00:00:00Z");
    h.put("x-acs-signature-nonce", "3f2c9a4e-1b7d-4c2a-9e8f-0a1b2c3d4e5f");
    h.put("x-acs-version", "2020-12-03");
    h.put("accept", "application/json");
    h.put("user-agent", "pailot-test");
    return h;
  }

  private static final String GET_JOB_CANONICAL =
      """
      GET
      /api/v1/jobs/dlc123
      NeedDetail=true
      host:pai-dlc.cn-hangzhou.aliyuncs.com
      x-acs-action:GetJob
      x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
      x-acs-date:2026-01-01T00:00:00Z
      x-acs-signature-nonce:3f2c9a4e-1b7d-4c2a-9e8f-0a1b2c3d4e5f
      x-acs-version:2020-12-03

      host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
      e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";

  @Test
  void verifiesTheWorkedGetJobExampleSignedIndependently() throws Exception {
    String signed =
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    String stringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(GET_JOB_CANONICAL));
    String signature = hex(hmac(SECRET, stringToSign));
    Map<String, String> headers = getJobHeaders();
    headers.put(
        "Authorization",
        "ACS3-HMAC-SHA256 Credential="
            + AK
            + ",SignedHeaders="
            + signed
            + ",Signature="
            + signature);

    assertThat(
            V3SignatureVerifier.canonicalRequest(
                "GET",
                "/api/v1/jobs/dlc123",
                Map.of("NeedDetail", "true"),
                headers,
                List.of(signed.split(";")),
                EMPTY_SHA256))
        .isEqualTo(GET_JOB_CANONICAL);
    V3SignatureVerifier.Result result =
        verifier.verify("GET", "/api/v1/jobs/dlc123", Map.of("NeedDetail", "true"), headers, null);
    assertThat(result.outcome()).isEqualTo(Outcome.VALID);
    assertThat(result.accessKeyId()).isEqualTo(AK);
  }

  @Test
  void acceptsWhatTheOfficialTeaSignerProducesForAnRpcCallWithAwkwardValues() throws Exception {
    TeaRequest request = new TeaRequest();
    request.method = "POST";
    request.pathname = "/";
    request.query = new HashMap<>();
    request.query.put("RegionId", "cn-shanghai");
    request.query.put("VpcName", "a b*c~d+e/f=g&h");
    request.query.put("Description", "中文 ✓");
    request.query.put("Tag.1.Key", "env");
    request.query.put("Empty", "");
    request.headers = new HashMap<>();
    request.headers.put("host", "127.0.0.1:8099");
    request.headers.put("x-acs-action", "CreateVpc");
    request.headers.put("x-acs-version", "2016-04-28");
    request.headers.put("x-acs-date", "2026-01-01T00:00:00Z");
    request.headers.put("x-acs-signature-nonce", "nonce-1");
    request.headers.put("x-acs-content-sha256", EMPTY_SHA256);
    request.headers.put("x-acs-credentials-provider", "static_sts");
    request.headers.put("x-acs-security-token", "token/with+chars=");
    request.headers.put("accept", "application/json");
    request.headers.put(
        "Authorization",
        com.aliyun.openapiutil.Client.getAuthorization(
            request, "ACS3-HMAC-SHA256", EMPTY_SHA256, AK, SECRET));
    // OkHttp adds a content type after signing; it must not matter.
    request.headers.put("content-type", "application/json; charset=UTF-8;");

    V3SignatureVerifier.Result result =
        verifier.verify("POST", "/", request.query, request.headers, new byte[0]);

    assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.VALID);
  }

  @Test
  void acceptsATeaSignedJsonBody() throws Exception {
    byte[] body = "{\"WorkspaceName\":\"ws_1\"}".getBytes(StandardCharsets.UTF_8);
    String hash = hex(sha256(body));
    TeaRequest request = new TeaRequest();
    request.method = "POST";
    request.pathname = "/api/v1/workspaces";
    request.query = new HashMap<>();
    request.headers = new HashMap<>();
    request.headers.put("host", "aiworkspace.cn-shanghai.aliyuncs.com");
    request.headers.put("x-acs-action", "CreateWorkspace");
    request.headers.put("x-acs-version", "2021-02-04");
    request.headers.put("x-acs-date", "2026-01-01T00:00:00Z");
    request.headers.put("x-acs-signature-nonce", "nonce-2");
    request.headers.put("x-acs-content-sha256", hash);
    request.headers.put("content-type", "application/json; charset=utf-8");
    request.headers.put(
        "Authorization",
        com.aliyun.openapiutil.Client.getAuthorization(
            request, "ACS3-HMAC-SHA256", hash, AK, SECRET));

    assertThat(verifier.verify("POST", request.pathname, Map.of(), request.headers, body).valid())
        .isTrue();
    body[3] = 'X';
    assertThat(verifier.verify("POST", request.pathname, Map.of(), request.headers, body).outcome())
        .isEqualTo(Outcome.CONTENT_HASH_MISMATCH);
  }

  @Test
  void rejectsTamperedRequests() throws Exception {
    Map<String, String> headers = signedGetJob(SECRET);

    assertThat(verify(headers, Map.of("NeedDetail", "false")).outcome())
        .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    assertThat(verifier.verify("DELETE", "/api/v1/jobs/dlc123", query(), headers, null).outcome())
        .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    assertThat(verifier.verify("GET", "/api/v1/jobs/dlc124", query(), headers, null).outcome())
        .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    Map<String, String> otherAction = new LinkedHashMap<>(headers);
    otherAction.put("x-acs-action", "DeleteJob");
    assertThat(verify(otherAction, query()).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    assertThat(verify(signedGetJob("wrong-secret"), query()).outcome())
        .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    assertThat(verifier.verify("GET", "/api/v1/jobs/dlc123", query(), headers, new byte[] {1}))
        .extracting(V3SignatureVerifier.Result::outcome)
        .isEqualTo(Outcome.CONTENT_HASH_MISMATCH);
  }

  @Test
  void rejectsUnsignedAndMissingHeadersAndBadAuthorization() throws Exception {
    Map<String, String> extra = new LinkedHashMap<>(signedGetJob(SECRET));
    extra.put("x-acs-security-token", "smuggled");
    assertThat(verify(extra, query()).outcome()).isEqualTo(Outcome.UNSIGNED_HEADER);

    Map<String, String> missing = new LinkedHashMap<>(signedGetJob(SECRET));
    missing.remove("x-acs-date");
    assertThat(verify(missing, query()).outcome()).isEqualTo(Outcome.MISSING_SIGNED_HEADER);

    Map<String, String> none = new LinkedHashMap<>(getJobHeaders());
    assertThat(verify(none, query()).outcome()).isEqualTo(Outcome.MISSING_AUTHORIZATION);

    none.put("Authorization", "ACS3-HMAC-SHA256 nonsense");
    assertThat(verify(none, query()).outcome()).isEqualTo(Outcome.MALFORMED_AUTHORIZATION);

    none.put(
        "Authorization", "ACS3-HMAC-SM3 Credential=" + AK + ",SignedHeaders=host,Signature=00");
    assertThat(verify(none, query()).outcome()).isEqualTo(Outcome.UNSUPPORTED_ALGORITHM);

    V3SignatureVerifier other = V3SignatureVerifier.forKey("LTAI5tSomeoneElse", SECRET);
    assertThat(
            other
                .verify("GET", "/api/v1/jobs/dlc123", query(), signedGetJob(SECRET), null)
                .outcome())
        .isEqualTo(Outcome.UNKNOWN_ACCESS_KEY);
  }

  @Test
  void percentEncodingFollowsAlibabasRule() {
    for (String s : List.of("a b", "*", "~", "+", "/", "中文", "a=b&c", "-_.", "%7E", "é✓")) {
      String alibaba =
          URLEncoder.encode(s, StandardCharsets.UTF_8)
              .replace("+", "%20")
              .replace("*", "%2A")
              .replace("%7E", "~");
      assertThat(V3SignatureVerifier.percentEncode(s)).as(s).isEqualTo(alibaba);
    }
  }

  @Test
  void resultNeverContainsTheSecret() throws Exception {
    V3SignatureVerifier.Result r = verify(signedGetJob("wrong-secret"), query());
    assertThat(r.toString()).doesNotContain(SECRET).doesNotContain("wrong-secret");
  }

  private V3SignatureVerifier.Result verify(Map<String, String> headers, Map<String, String> q) {
    return verifier.verify("GET", "/api/v1/jobs/dlc123", q, headers, null);
  }

  private static Map<String, String> query() {
    return Map.of("NeedDetail", "true");
  }

  private static Map<String, String> signedGetJob(String secret) throws Exception {
    String signed =
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    String signature = hex(hmac(secret, "ACS3-HMAC-SHA256\n" + hex(sha256(GET_JOB_CANONICAL))));
    Map<String, String> headers = getJobHeaders();
    headers.put(
        "Authorization",
        "ACS3-HMAC-SHA256 Credential="
            + AK
            + ",SignedHeaders="
            + signed
            + ",Signature="
            + signature);
    return headers;
  }

  private static byte[] sha256(String s) throws Exception {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return java.security.MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static byte[] hmac(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
