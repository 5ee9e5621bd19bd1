package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.internal.transport.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LocalPaiAuthTest {
  private static final String STS_ID = "STS.LocalPaiTemporaryKey";
  private static final String STS_SECRET = "sts-secret-for-tests";
  private static final String STS_TOKEN = "sts-token-for-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalPai localPai;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    localPai =
        LocalPai.start(
            Calls.fastOptions().toBuilder()
                .addAdditionalCredentials(PaiCredentials.sts(STS_ID, STS_SECRET, STS_TOKEN))
                .build());
  }

  @AfterAll
  static void stop() {
    localPai.close();
  }

  private static JsonNode describeVpcs(Pai pai) {
    return Calls.vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai");
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    try (Pai pai =
        localPai
            .clientBuilder()
            .credentials(PaiCredentials.accessKey(localPai.options().accessKeyId(), "not-it"))
            .build()) {
      assertThatThrownBy(() -> describeVpcs(pai))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("SignatureDoesNotMatch"))
          .satisfies(e -> assertThat(((PaiException) e).httpStatus()).isEqualTo(400))
          .satisfies(e -> assertThat(((PaiException) e).requestId()).isPresent());
    }
  }

  @Test
  void unknownAccessKeyIsNotFound() {
    try (Pai pai =
        localPai
            .clientBuilder()
            .credentials(PaiCredentials.accessKey("LTAI5tUnknownKey", "whatever"))
            .build()) {
      assertThatThrownBy(() -> describeVpcs(pai))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(
              e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("InvalidAccessKeyId.NotFound"))
          .satisfies(e -> assertThat(((PaiException) e).httpStatus()).isEqualTo(404));
    }
  }

  @Test
  void stsCredentialsAreAcceptedOnlyWithTheirToken() {
    try (Pai pai =
        localPai
            .clientBuilder()
            .credentials(PaiCredentials.sts(STS_ID, STS_SECRET, STS_TOKEN))
            .build()) {
      assertThat(describeVpcs(pai).get("TotalCount").isInt()).isTrue();
    }
    try (Pai pai =
        localPai
            .clientBuilder()
            .credentials(PaiCredentials.sts(STS_ID, STS_SECRET, "stolen-token"))
            .build()) {
      assertThatThrownBy(() -> describeVpcs(pai))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(
              e ->
                  assertThat(LocalPaiVpcTest.code(e))
                      .isEqualTo("InvalidSecurityToken.MismatchWithAccessKey"));
    }
  }

  @Test
  void successCarriesTheRequestIdInBodyAndHeader() {
    try (Pai pai = localPai.newClient()) {
      ApiResponse r =
          Calls.rpcResponse(pai, Product.VPC, "DescribeVpcs", "RegionId", "cn-shanghai");
      String id = r.body().get("RequestId").asText();
      assertThat(id).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
      assertThat(r.headers()).containsEntry("x-acs-request-id", id);
    }
  }

  @Test
  void unknownActionIsInvalidActionNotFound() {
    try (Pai pai = localPai.newClient()) {
      assertThat(LocalPaiVpcTest.codeOf(() -> Calls.vpc(pai, "LaunchRocket", "RegionId", "x")))
          .isEqualTo("InvalidAction.NotFound");
    }
  }

  @Test
  void missingAuthorizationIsAnIncompleteSignatureWithAlibabasErrorBody() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(localPai.endpoint() + "/?RegionId=cn-shanghai"))
                .header("x-acs-action", "DescribeVpcs")
                .header("x-acs-version", "2016-04-28")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("Code").asText()).isEqualTo("IncompleteSignature");
    assertThat(body.get("HostId").asText()).isEqualTo("vpc.cn-shanghai.aliyuncs.com");
    assertThat(body.get("Message").asText()).contains("Authorization");
    assertThat(body.get("Recommend").asText()).contains("IncompleteSignature");
    assertThat(r.headers().firstValue("x-acs-request-id")).contains(body.get("RequestId").asText());
  }

  @Test
  void replayedNonceAndStaleDateAreRejected() throws Exception {
    String nonce = UUID.randomUUID().toString();
    HttpRequest signed = signedDescribe(nonce, Instant.now());
    assertThat(HTTP.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = HTTP.send(signed, HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(replay.body()).get("Code").asText()).isEqualTo("SignatureNonceUsed");

    HttpResponse<String> stale =
        HTTP.send(
            signedDescribe(UUID.randomUUID().toString(), Instant.now().minusSeconds(3600)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(stale.body()).get("Code").asText()).isEqualTo("IllegalTimestamp");
  }

  /** A DescribeVpcs request signed here with the verifier's building blocks. */
  private static HttpRequest signedDescribe(String nonce, Instant date) {
    return signed(nonce, date, "?RegionId=cn-shanghai", Map.of("RegionId", "cn-shanghai"), "");
  }

  private static HttpRequest signed(
      String nonce, Instant date, String rawQuery, Map<String, String> query, String formBody) {
    byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", localPai.endpoint().getAuthority());
    headers.put("x-acs-action", "DescribeVpcs");
    headers.put("x-acs-version", "2016-04-28");
    headers.put("x-acs-date", date.truncatedTo(ChronoUnit.SECONDS).toString());
    headers.put("x-acs-signature-nonce", nonce);
    headers.put("x-acs-content-sha256", V3SignatureVerifier.sha256Hex(body));
    if (!formBody.isEmpty()) {
      headers.put("content-type", "application/x-www-form-urlencoded");
    }
    List<String> signed = headers.keySet().stream().sorted().toList();
    String canonical =
        V3SignatureVerifier.canonicalRequest(
            "POST", "/", query, headers, signed, headers.get("x-acs-content-sha256"));
    String signature =
        V3SignatureVerifier.sign(
            localPai.options().accessKeySecret(), V3SignatureVerifier.stringToSign(canonical));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(localPai.endpoint() + "/" + rawQuery))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header(
                "Authorization",
                "ACS3-HMAC-SHA256 Credential="
                    + localPai.options().accessKeyId()
                    + ",SignedHeaders="
                    + String.join(";", signed)
                    + ",Signature="
                    + signature);
    headers.forEach(
        (k, v) -> {
          if (!k.equals("host")) {
            b.header(k, v);
          }
        });
    return b.build();
  }

  @Test
  void rpcParametersMayComeInAFormBody() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            signed(
                UUID.randomUUID().toString(),
                Instant.now(),
                "",
                Map.of(),
                "RegionId=cn-shanghai&PageSize=7"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("PageSize").asInt()).isEqualTo(7);
  }

  @Test
  void secretsNeverReachTheLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.TRACE);
    try (Pai good = localPai.newClient();
        Pai bad =
            localPai
                .clientBuilder()
                .credentials(PaiCredentials.accessKey(localPai.options().accessKeyId(), "nope"))
                .build()) {
      describeVpcs(good);
      assertThatThrownBy(() -> describeVpcs(bad)).isInstanceOf(AuthenticationException.class);
    } finally {
      root.setLevel(before);
      root.detachAppender(captured);
    }
    assertThat(captured.list).isNotEmpty();
    for (ILoggingEvent e : captured.list) {
      String text =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(text)
          .doesNotContain(localPai.options().accessKeySecret())
          .doesNotContain("Signature=");
    }
    assertThat(localPai.options().toString()).doesNotContain(localPai.options().accessKeySecret());
    assertThat(localPai.credentials().toString())
        .doesNotContain(localPai.options().accessKeySecret());
  }
}
