package dev.pailot.observability.promql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PromQlClientTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String P99 =
      "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket[5m]))"
          + " by (le, service_name)) > 1.0";

  private PromQlClient client() {
    return PromQlClient.builder().baseUrl(wm.baseUrl()).timeout(Duration.ofSeconds(3)).build();
  }

  @Test
  void instantQueryPostsTheFormAndReadsAVector() {
    wm.stubFor(
        post("/api/v1/query")
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + "{\"metric\":{\"service_name\":\"chat\"},\"value\":[1764345600.123,\"1.42\"]},"
                        + "{\"metric\":{\"service_name\":\"rag\"},\"value\":[1764345600.123,\"NaN\"]}"
                        + "]}}")));

    try (PromQlClient prometheus = client()) {
      QueryResult r = prometheus.query(P99, Instant.parse("2026-11-28T16:00:00.5Z"));

      assertThat(r.resultType()).isEqualTo(ResultType.VECTOR);
      assertThat(r.series()).hasSize(2);
      assertThat(r.value(Map.of("service_name", "chat"))).contains(1.42);
      assertThat(r.series().get(0).points().get(0).time())
          .isEqualTo(Instant.parse("2025-11-28T16:00:00.123Z"));
      assertThat(r.value(Map.of("service_name", "rag")).orElseThrow()).isNaN();
      assertThat(r.value(Map.of("service_name", "none"))).isEmpty();
      assertThat(r.isEmpty()).isFalse();
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/api/v1/query"))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("query", equalTo(P99))
            .withFormParam("time", equalTo("1795881600.5"))
            .withFormParam("timeout", equalTo("3s"))
            .withoutHeader("Authorization"));
  }

  @Test
  void rangeQueryReadsAMatrix() {
    wm.stubFor(
        post("/prom/api/v1/query_range")
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"warnings\":[\"partial\"],\"data\":{\"resultType\":\"matrix\","
                        + "\"result\":[{\"metric\":{\"__name__\":\"up\",\"job\":\"pailot\"},"
                        + "\"values\":[[1000,\"1\"],[1015,\"0\"],[1030,\"+Inf\"]]}]}}")));
    RangeQuery q =
        RangeQuery.builder()
            .query("up")
            .start(Instant.ofEpochSecond(1000))
            .end(Instant.ofEpochSecond(1030))
            .step(Duration.ofSeconds(15))
            .build();

    try (PromQlClient prometheus =
        PromQlClient.builder().baseUrl(wm.baseUrl() + "/prom").bearerToken("prom-secret").build()) {
      QueryResult r = prometheus.queryRange(q);

      assertThat(r.resultType()).isEqualTo(ResultType.MATRIX);
      Series s = r.series().get(0);
      assertThat(s.labels()).containsEntry("job", "pailot").containsEntry("__name__", "up");
      assertThat(s.points())
          .extracting(Point::value)
          .containsExactly(1.0, 0.0, Double.POSITIVE_INFINITY);
      assertThat(s.points().get(1).time()).isEqualTo(Instant.ofEpochSecond(1015));
      assertThat(r.warnings()).containsExactly("partial");
      assertThat(prometheus.toString()).doesNotContain("prom-secret");
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/prom/api/v1/query_range"))
            .withFormParam("start", equalTo("1000"))
            .withFormParam("end", equalTo("1030"))
            .withFormParam("step", equalTo("15"))
            .withHeader("Authorization", equalTo("Bearer prom-secret")));
  }

  @Test
  void readsScalarsStringsAndEmptyVectors() {
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("query=1%2B1"))
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"2\"]}}")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("query=%22x%22"))
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1.5,\"x\"]}}")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("query=up"))
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));

    try (PromQlClient prometheus = client()) {
      QueryResult scalar = prometheus.query("1+1");
      assertThat(scalar.resultType()).isEqualTo(ResultType.SCALAR);
      assertThat(scalar.firstValue()).contains(2.0);
      assertThat(scalar.scalar().orElseThrow().time()).isEqualTo(Instant.ofEpochMilli(1500));
      assertThat(prometheus.query("\"x\"").string()).contains("x");
      QueryResult empty = prometheus.query("up");
      assertThat(empty.isEmpty()).isTrue();
      assertThat(empty.firstValue()).isEmpty();
    }
  }

  @Test
  void errorStatusBecomesPromQlExceptionWithTypeAndText() {
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("bad"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:4: parse error:"
                            + " unexpected end of input\"}")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("slow"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(
                        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}")));

    try (PromQlClient prometheus = client()) {
      assertThatThrownBy(() -> prometheus.query("bad("))
          .isInstanceOfSatisfying(
              PromQlException.class,
              e -> {
                assertThat(e.errorType()).isEqualTo("bad_data");
                assertThat(e.error()).contains("parse error");
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("bad(").contains("Fix the expression");
              });
      assertThatThrownBy(() -> prometheus.query("slow"))
          .isInstanceOfSatisfying(
              PromQlException.class,
              e -> {
                assertThat(e.errorType()).isEqualTo("timeout");
                assertThat(e.retryable()).isTrue();
              });
    }
  }

  @Test
  void transportFailuresAndNonApiAnswers() {
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("html"))
            .willReturn(aResponse().withStatus(200).withBody("<html/>")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("denied"))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"unauthorized\"}")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("down"))
            .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    wm.stubFor(
        post("/api/v1/query")
            .withRequestBody(containing("hang"))
            .willReturn(okJson("{}").withFixedDelay(1_500)));

    try (PromQlClient prometheus = client();
        PromQlClient impatient =
            PromQlClient.builder().baseUrl(wm.baseUrl()).timeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(() -> prometheus.query("html"))
          .isInstanceOf(PaiException.class)
          .hasMessageContaining("not Prometheus's query API JSON");
      assertThatThrownBy(() -> prometheus.query("denied"))
          .isInstanceOf(AuthenticationException.class);
      assertThatThrownBy(() -> prometheus.query("down"))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("HTTP 502");
      assertThatThrownBy(() -> impatient.query("hang"))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("Timed out");
    }
  }

  @Test
  void badInputFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> PromQlClient.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("baseUrl");
    try (PromQlClient prometheus = client()) {
      assertThatThrownBy(() -> prometheus.query(" ")).hasMessageContaining("query");
    }
    assertThatThrownBy(
            () ->
                RangeQuery.builder()
                    .query("up")
                    .start(Instant.ofEpochSecond(10))
                    .end(Instant.ofEpochSecond(0))
                    .step(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("end");
    assertThatThrownBy(() -> RangeQuery.builder().query("up").build())
        .isInstanceOf(ValidationException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
