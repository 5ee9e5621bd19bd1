package dev.pailot.serving.release.gates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.serving.client.InferenceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PromQlGateTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String RULE =
      "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket[{window}]))"
          + " by (le, service_name)) > 1.0";

  private final PromQlClient prometheus = PromQlClient.builder().baseUrl(wm.baseUrl()).build();
  private final InferenceClient unused =
      InferenceClient.builder().endpoint("http://127.0.0.1:9/api/predict/x").build();

  @AfterEach
  void close() {
    prometheus.close();
    unused.close();
  }

  private GateContext stage(int percent, Duration bake) {
    return GateContext.builder()
        .group("chat")
        .blue("chat_v1")
        .green("chat_v2")
        .stagePercent(percent)
        .windowStart(Instant.now())
        .bake(bake)
        .greenClient(unused)
        .blueClient(unused)
        .build();
  }

  private static String vector(String labelsAndValues) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + labelsAndValues
        + "]}}";
  }

  @Test
  void theBlueprintRulePassesWhileItDoesNotFireAndTheWindowIsTheBake() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(vector(""))));
    // tag::promql[]
    // The blueprint's alert, as a gate: it passes while the rule does not fire.
    PromQlGate gate =
        PromQlGate.builder()
            .client(prometheus) // PromQlClient.builder().baseUrl("http://prometheus:9090")
            .alertRule(
                "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket"
                    + "[{window}])) by (le, service_name)) > 1.0") // {window}: the stage's bake
            .build();
    // end::promql[]

    GateResult r = gate.evaluate(stage(10, Duration.ofMinutes(5)));

    assertThat(r.passed()).isTrue();
    assertThat(gate.appliesAt(0)).isFalse();
    wm.verify(
        postRequestedFor(urlEqualTo("/api/v1/query"))
            .withFormParam("query", equalTo(RULE.replace("{window}", "300s"))));
    // A bake shorter than two scrapes looks back one minute.
    assertThat(gate.queryFor(stage(10, Duration.ofSeconds(5)))).contains("[60s]");
  }

  @Test
  void aFiringRuleFailsWithTheMeasuredSeries() {
    wm.stubFor(
        post("/api/v1/query")
            .willReturn(
                okJson(vector("{\"metric\":{\"service_name\":\"chat\"},\"value\":[1,\"1.42\"]}"))));
    GateResult r =
        PromQlGate.builder()
            .client(prometheus)
            .alertRule(RULE)
            .build()
            .evaluate(stage(50, Duration.ofMinutes(5)));
    assertThat(r.passed()).isFalse();
    assertThat(r.message())
        .contains("firing_series=1")
        .contains("service_name=chat")
        .contains("1.42");
  }

  @Test
  void aThresholdJudgesTheMatchingSeriesAndFailsWithoutData() {
    wm.stubFor(
        post("/api/v1/query")
            .willReturn(
                okJson(
                    vector(
                        "{\"metric\":{\"service_name\":\"chat\"},\"value\":[1,\"0.8\"]},"
                            + "{\"metric\":{\"service_name\":\"rag\"},\"value\":[1,\"3.0\"]}"))));
    PromQlGate.Builder b =
        PromQlGate.builder()
            .client(prometheus)
            .name("p99")
            .threshold(RULE.replace(" > 1.0", ""), 1.0)
            .window(Duration.ofMinutes(2));
    GateResult chat =
        b.match(Map.of("service_name", "chat")).build().evaluate(stage(10, Duration.ofSeconds(1)));
    assertThat(chat.passed()).isTrue();
    assertThat(chat.measurements())
        .singleElement()
        .satisfies(m -> assertThat(m.value()).isEqualTo(0.8));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/v1/query"))
            .withFormParam(
                "query", equalTo(RULE.replace(" > 1.0", "").replace("{window}", "120s"))));

    GateResult all = b.match(Map.of()).build().evaluate(stage(10, Duration.ofSeconds(1)));
    assertThat(all.passed()).isFalse();
    assertThat(all.message()).contains("value=3.000").contains("rag");

    GateResult none =
        b.match(Map.of("service_name", "other")).build().evaluate(stage(10, Duration.ofSeconds(1)));
    assertThat(none.passed()).isFalse();
    assertThat(none.message()).startsWith("no data");
  }

  @Test
  void aPrometheusErrorIsThrownSoTheStageFails() {
    wm.stubFor(
        post("/api/v1/query")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}")));
    PromQlGate gate = PromQlGate.builder().client(prometheus).alertRule("up >").build();
    assertThatThrownBy(() -> gate.evaluate(stage(10, Duration.ofMinutes(1))))
        .isInstanceOf(PaiException.class);
    assertThatThrownBy(() -> PromQlGate.builder().alertRule(RULE).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("client");
  }
}
