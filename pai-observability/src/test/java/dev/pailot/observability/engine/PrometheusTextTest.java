package dev.pailot.observability.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pailot.core.error.PaiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  // The example from Prometheus's exposition format documentation, plus vLLM-style names.
  private static final String TEXT =
      String.join(
          "\n",
          "# HELP http_requests_total The total number of HTTP requests.",
          "# TYPE http_requests_total counter",
          "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000",
          "http_requests_total{method=\"post\",code=\"400\"}    3 1395066363000",
          "",
          "# Escaping in label values:",
          "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find"
              + " file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9",
          "",
          "# Minimalistic line:",
          "metric_without_timestamp_and_labels 12.47",
          "",
          "# A weird metric from before the epoch:",
          "something_weird{problem=\"division by zero\"} +Inf -3982045",
          "",
          "# HELP http_request_duration_seconds A histogram of the request duration.",
          "# TYPE http_request_duration_seconds histogram",
          "http_request_duration_seconds_bucket{le=\"0.05\"} 24054",
          "http_request_duration_seconds_bucket{le=\"0.1\"} 33444",
          "http_request_duration_seconds_bucket{le=\"0.2\"} 100392",
          "http_request_duration_seconds_bucket{le=\"0.5\"} 129389",
          "http_request_duration_seconds_bucket{le=\"1\"} 133988",
          "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320",
          "http_request_duration_seconds_sum 53423",
          "http_request_duration_seconds_count 144320",
          "",
          "# HELP rpc_duration_seconds A summary of the RPC duration in seconds.",
          "# TYPE rpc_duration_seconds summary",
          "rpc_duration_seconds{quantile=\"0.5\"} 4773",
          "rpc_duration_seconds{quantile=\"0.99\"} 76656",
          "rpc_duration_seconds_sum 1.7560473e+07",
          "rpc_duration_seconds_count 2693",
          "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.",
          "# TYPE vllm:kv_cache_usage_perc gauge",
          "vllm:kv_cache_usage_perc{model_name=\"qwen\"} NaN",
          "odd_spacing { a = \"1\" , b=\"x\\\\y\", } -Inf\r",
          "");

  @Test
  void parsesTheDocumentationExample() {
    Exposition e = PrometheusText.parse(TEXT);

    MetricFamily requests = e.family("http_requests_total").orElseThrow();
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.help()).contains("The total number of HTTP requests.");
    assertThat(requests.samples()).hasSize(2);
    MetricSample first = requests.samples().get(0);
    assertThat(first.labels())
        .containsExactly(Map.entry("method", "post"), Map.entry("code", "200"));
    assertThat(first.value()).isEqualTo(1027);
    assertThat(first.timestampMillis()).hasValue(1395066363000L);
    assertThat(e.sum("http_requests_total")).hasValue(1030);

    MetricSample msdos = e.samples("msdos_file_access_time_seconds").get(0);
    assertThat(msdos.label("path")).isEqualTo("C:\\DIR\\FILE.TXT");
    assertThat(msdos.label("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
    assertThat(msdos.value()).isEqualTo(1.458255915e9);

    assertThat(e.samples("metric_without_timestamp_and_labels").get(0).labels()).isEmpty();
    MetricSample weird = e.samples("something_weird").get(0);
    assertThat(weird.value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(weird.timestampMillis()).hasValue(-3982045L);
    assertThat(e.family("something_weird").orElseThrow().type()).isEqualTo(MetricType.UNTYPED);

    MetricFamily histogram = e.family("http_request_duration_seconds").orElseThrow();
    assertThat(histogram.type()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(histogram.samples()).hasSize(8); // buckets, sum and count in one family
    assertThat(e.family("rpc_duration_seconds").orElseThrow().samples()).hasSize(4);

    assertThat(e.max("vllm:kv_cache_usage_perc").orElseThrow()).isNaN();
    MetricSample odd = e.samples("odd_spacing").get(0);
    assertThat(odd.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x\\y"));
    assertThat(odd.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(e.families()).extracting(MetricFamily::name).doesNotHaveDuplicates();
  }

  @Test
  void histogramQuantileInterpolatesLikePromQl() {
    HistogramSnapshot h =
        PrometheusText.parse(TEXT)
            .histogram("http_request_duration_seconds", Map.of())
            .orElseThrow();

    assertThat(h.count()).isEqualTo(144320);
    assertThat(h.sum()).isEqualTo(53423);
    assertThat(h.buckets().lastKey()).isEqualTo(Double.POSITIVE_INFINITY);
    // rank 0.5 x 144320 = 72160 falls in (0.1, 0.2]: 0.1 + 0.1 x (72160 - 33444) / 66948
    assertThat(h.quantile(0.5)).isCloseTo(0.1578306, within(1e-6));
    // rank 0.99 x 144320 falls in +Inf: the largest finite bound, as histogram_quantile answers
    assertThat(h.quantile(0.99)).isEqualTo(1.0);
    assertThat(h.quantile(0)).isEqualTo(0.0);
    assertThatThrownBy(() -> h.quantile(1.5)).hasMessageContaining("q");
  }

  @Test
  void histogramAddsLabelSetsBucketByBucketAndFilters() {
    String text =
        String.join(
            "\n",
            "# TYPE ttft histogram",
            "ttft_bucket{model_name=\"a\",le=\"0.1\"} 1",
            "ttft_bucket{model_name=\"a\",le=\"+Inf\"} 2",
            "ttft_bucket{model_name=\"b\",le=\"0.1\"} 3",
            "ttft_bucket{model_name=\"b\",le=\"+Inf\"} 3",
            "ttft_sum{model_name=\"a\"} 1.5",
            "ttft_sum{model_name=\"b\"} 0.2",
            "ttft_count{model_name=\"a\"} 2",
            "ttft_count{model_name=\"b\"} 3");
    Exposition e = PrometheusText.parse(text);

    HistogramSnapshot all = e.histogram("ttft", Map.of()).orElseThrow();
    assertThat(all.buckets())
        .containsExactly(Map.entry(0.1, 4.0), Map.entry(Double.POSITIVE_INFINITY, 5.0));
    assertThat(all.count()).isEqualTo(5);
    HistogramSnapshot b = e.histogram("ttft", Map.of("model_name", "b")).orElseThrow();
    assertThat(b.count()).isEqualTo(3);
    assertThat(b.sum()).isEqualTo(0.2);
    assertThat(e.histogram("missing", Map.of())).isEmpty();
    assertThat(HistogramSnapshot.builder().sum(0).count(0).build().quantile(0.5)).isNaN();
  }

  @Test
  void gaugeSuffixesDoNotJoinTheGauge() {
    Exposition e =
        PrometheusText.parse(
            "# TYPE queue gauge\nqueue 3\nqueue_count 7\n# TYPE c counter\nc_total 2");

    assertThat(e.family("queue").orElseThrow().samples()).hasSize(1);
    assertThat(e.family("queue_count")).isPresent();
    assertThat(e.family("c").orElseThrow().samples())
        .extracting(MetricSample::name)
        .containsExactly("c_total");
  }

  @Test
  void malformedLinesFailNamingTheLine() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\n{le=\"1\"} 2"))
        .isInstanceOf(PaiException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> PrometheusText.parse("a{b=\"c\" 1")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> PrometheusText.parse("a{b=c} 1")).hasMessageContaining("quoted");
    assertThatThrownBy(() -> PrometheusText.parse("a{b=\"c} 1")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> PrometheusText.parse("a one")).hasMessageContaining("not a value");
    assertThatThrownBy(() -> PrometheusText.parse("a 1 2 3")).hasMessageContaining("value");
    assertThatThrownBy(() -> PrometheusText.parse("<html>")).hasMessageContaining("line 1");
  }

  @Test
  void plainCommentsAndBlankLinesAreIgnored() {
    Exposition e = PrometheusText.parse("# just a comment\n#\n\n   \n# HELP only_help text\n");

    assertThat(e.samples()).isEmpty();
    assertThat(e.family("only_help").orElseThrow().help()).contains("text");
  }
}
