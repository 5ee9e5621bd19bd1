package dev.pailot.serving.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointAddressTest {
  @Test
  void easServiceGroupVpcAndOpenAiEndpoints() {
    EndpointAddress service =
        EndpointAddress.parse("http://123.cn-shanghai.pai-eas.aliyuncs.com/api/predict/qwen_chat/");
    EndpointAddress vpc =
        EndpointAddress.parse("http://123.vpc.cn-shanghai.pai-eas.aliyuncs.com/api/predict/grp");
    EndpointAddress openAi = EndpointAddress.parse("https://llm.example.com/v1");

    assertThat(service.openAi("chat/completions").toString())
        .isEqualTo(
            "http://123.cn-shanghai.pai-eas.aliyuncs.com/api/predict/qwen_chat/v1/chat/completions");
    assertThat(service.predict("").toString()).endsWith("/api/predict/qwen_chat");
    assertThat(service.predict("/v1/models").toString()).endsWith("/qwen_chat/v1/models");
    assertThat(service.defaultServiceName()).isEqualTo("qwen_chat");
    assertThat(vpc.defaultServiceName()).isEqualTo("grp");
    assertThat(openAi.openAi("rerank").toString()).isEqualTo("https://llm.example.com/v1/rerank");
    assertThat(openAi.defaultServiceName()).isEqualTo("llm.example.com");
  }

  @Test
  void urlsThatCouldCarrySecretsAreRefused() {
    assertThat(catchThrowable(() -> EndpointAddress.parse("http://u:p@h/api/predict/s")))
        .isInstanceOf(ValidationException.class);
    assertThat(catchThrowable(() -> EndpointAddress.parse("http://h/v1?token=x")))
        .isInstanceOf(ValidationException.class);
    assertThat(catchThrowable(() -> EndpointAddress.parse("ftp://h/")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void retryAfterForms() {
    assertThat(InferenceErrors.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(InferenceErrors.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
    assertThat(InferenceErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO);
    assertThat(InferenceErrors.retryAfter("soon")).isNull();
    assertThat(InferenceErrors.retryAfter(null)).isNull();
  }

  @Test
  void probePathsGoBelowTheEndpointOrTheServerRootOfAV1BaseUrl() {
    assertThat(EndpointAddress.parse("http://h/api/predict/qwen").probe("/health").toString())
        .isEqualTo("http://h/api/predict/qwen/health");
    assertThat(EndpointAddress.parse("http://h:8000/v1").probe("/metrics").toString())
        .isEqualTo("http://h:8000/metrics");
    assertThat(EndpointAddress.parse("http://h:8000").probe("/v1/models").toString())
        .isEqualTo("http://h:8000/v1/models");
  }
}
