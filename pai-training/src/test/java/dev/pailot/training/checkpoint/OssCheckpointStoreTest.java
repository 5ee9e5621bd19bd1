package dev.pailot.training.checkpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.error.ValidationException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OSS store through the real OSS Java SDK against WireMock answering OSS's ListObjectsV2 XML:
 * paging with continuation tokens, markers, an incomplete checkpoint, errors.
 */
class OssCheckpointStoreTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String BUCKET = "/llm-bucket/";

  /** The OSS SDK logs every refusal at WARN through Commons Logging (here: JUL); keep it quiet. */
  private static final Logger OSS_LOG = Logger.getLogger("com.aliyun.oss");

  @BeforeAll
  static void quietOssSdk() {
    OSS_LOG.setLevel(Level.OFF);
  }

  private OssCheckpointStore store(String host) {
    return OssCheckpointStore.builder()
        .uri("oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/sft")
        .endpoint("http://" + host + ":" + wm.getPort())
        .pathStyle(true)
        .credentials(PaiCredentials.accessKey("LTAI5tOssStoreTest", "oss-test-secret"))
        .pageSize(2)
        .build();
  }

  private static MappingBuilder list(String prefix) {
    return get(urlPathEqualTo(BUCKET))
        .withQueryParam("list-type", equalTo("2"))
        .withQueryParam("prefix", equalTo(prefix));
  }

  private static String result(String prefix, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult>
          <Name>llm-bucket</Name>
          <Prefix>%s</Prefix>
          <StartAfter></StartAfter>
          %s
        </ListBucketResult>
        """
        .formatted(prefix, body);
  }

  private static String dirs(boolean truncated, String next, String... steps) {
    StringBuilder b = new StringBuilder("<MaxKeys>2</MaxKeys><Delimiter>/</Delimiter>");
    b.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
    if (next != null) {
      b.append("<NextContinuationToken>").append(next).append("</NextContinuationToken>");
    }
    b.append("<KeyCount>").append(steps.length).append("</KeyCount>");
    for (String s : steps) {
      b.append("<CommonPrefixes><Prefix>ckpt/sft/").append(s).append("/</Prefix></CommonPrefixes>");
    }
    return result("ckpt/sft/", b.toString());
  }

  private static void marker(String step, boolean present) {
    String key = "ckpt/sft/" + step + "/_COMPLETE";
    String contents =
        present
            ? """
            <Contents><Key>%s</Key><LastModified>2026-01-12T10:20:00.000Z</LastModified>
              <ETag>"D41D8CD98F00B204E9800998ECF8427E"</ETag><Type>Normal</Type><Size>0</Size>
              <StorageClass>Standard</StorageClass></Contents>"""
                .formatted(key)
            : "";
    wm.stubFor(
        list(key)
            .withQueryParam("max-keys", equalTo("1"))
            .willReturn(
                xml(
                    result(
                        key,
                        "<MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated><KeyCount>"
                            + (present ? 1 : 0)
                            + "</KeyCount>"
                            + contents))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/xml")
        .withHeader("x-oss-request-id", "5C3D9175B6FC201293AD0001")
        .withBody(body);
  }

  private void twoPagesOfCheckpoints() {
    wm.stubFor(
        list("ckpt/sft/")
            .withQueryParam("delimiter", equalTo("/"))
            .withQueryParam("continuation-token", absent())
            .willReturn(xml(dirs(true, "tok-2", "step-10", "step-20"))));
    wm.stubFor(
        list("ckpt/sft/")
            .withQueryParam("delimiter", equalTo("/"))
            .withQueryParam("continuation-token", equalTo("tok-2"))
            .willReturn(xml(dirs(false, null, "step-30", "step-40", "tmp"))));
    marker("step-10", true);
    marker("step-20", true);
    marker("step-30", true);
    marker("step-40", false); // being written, or cut short by a preemption
  }

  @Test
  void theNewestCompleteCheckpointSkipsOneWithoutItsMarker() {
    twoPagesOfCheckpoints();
    try (OssCheckpointStore store = store("127.0.0.1")) {
      Checkpoint newest = store.newestComplete().orElseThrow();

      assertThat(newest.step()).isEqualTo(30);
      assertThat(newest.location()).isEqualTo("oss://llm-bucket/ckpt/sft/step-30/");
      assertThat(newest.completedAt()).hasValue(Instant.parse("2026-01-12T10:20:00Z"));
      assertThat(store.location()).isEqualTo("oss://llm-bucket/ckpt/sft/");
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(BUCKET))
            .withQueryParam("continuation-token", equalTo("tok-2"))
            .withQueryParam("max-keys", equalTo("2"))
            .withHeader("Authorization", matching("OSS LTAI5tOssStoreTest:.+")));
    // Markers are checked newest first and stop at the first complete one.
    wm.verify(
        0,
        getRequestedFor(urlPathEqualTo(BUCKET)).withQueryParam("prefix", matching(".*step-20.*")));
  }

  @Test
  void listShowsEveryCheckpointDirectoryInStepOrder() {
    twoPagesOfCheckpoints();
    try (OssCheckpointStore store = store("localhost")) {
      assertThat(store.list())
          .extracting(Checkpoint::step, Checkpoint::complete)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(10L, true),
              org.assertj.core.groups.Tuple.tuple(20L, true),
              org.assertj.core.groups.Tuple.tuple(30L, true),
              org.assertj.core.groups.Tuple.tuple(40L, false));
    }
  }

  @Test
  void anEmptyLocationHasNoCheckpoint() {
    wm.stubFor(list("ckpt/sft/").willReturn(xml(dirs(false, null))));
    try (OssCheckpointStore store = store("127.0.0.1")) {
      assertThat(store.newestComplete()).isEmpty();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void aRefusalNamesTheLocationCodeAndRequestIdButNoSecret() {
    wm.stubFor(
        get(urlPathEqualTo(BUCKET))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/xml")
                    .withHeader("x-oss-request-id", "5C3D9175B6FC201293AD0002")
                    .withBody(
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Error><Code>AccessDenied</Code>
                          <Message>You have no right to access this object.</Message>
                          <RequestId>5C3D9175B6FC201293AD0002</RequestId>
                          <HostId>llm-bucket.oss-cn-shanghai.aliyuncs.com</HostId></Error>
                        """)));
    try (OssCheckpointStore store = store("127.0.0.1")) {
      assertThatThrownBy(store::newestComplete)
          .isInstanceOf(CheckpointStoreException.class)
          .hasMessageContaining("oss://llm-bucket/ckpt/sft/")
          .hasMessageContaining("AccessDenied")
          .hasMessageContaining("5C3D9175B6FC201293AD0002")
          .hasMessageNotContaining("oss-test-secret");
    }
  }

  @Test
  void theBuilderNamesWhatIsMissing() {
    assertThatThrownBy(() -> OssCheckpointStore.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("uri");
    assertThatThrownBy(() -> OssCheckpointStore.builder().uri("oss://llm-bucket/ckpt/").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(
            () ->
                OssCheckpointStore.builder()
                    .uri("oss://llm-bucket/ckpt/")
                    .credentials(PaiCredentials.accessKey("id", "secret"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> OssCheckpointStore.builder().uri("s3://bucket/x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("oss://");
    OssCheckpointStore.builder()
        .uri("oss://llm-bucket/ckpt/")
        .region("cn-shanghai")
        .credentials(PaiCredentials.accessKey("id", "secret"))
        .build()
        .close();
  }
}
