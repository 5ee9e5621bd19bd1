package dev.pailot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiConfig;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PaiConfigTest {
  @Test
  void resolvesPublicAndVpcHosts() {
    PaiConfig c = PaiConfig.builder().region("cn-shanghai").build();
    assertThat(c.endpoint(Product.DLC)).hasToString("https://pai-dlc.cn-shanghai.aliyuncs.com");
    assertThat(c.endpoint(Product.EAS)).hasToString("https://pai-eas.cn-shanghai.aliyuncs.com");
    assertThat(c.endpoint(Product.VPC)).hasToString("https://vpc.cn-shanghai.aliyuncs.com");
    PaiConfig vpc = c.toBuilder().network(EndpointNetwork.VPC).build();
    assertThat(vpc.endpoint(Product.DLC))
        .hasToString("https://pai-dlc-vpc.cn-shanghai.aliyuncs.com");
    assertThat(vpc.endpoint(Product.EAS))
        .hasToString("https://pai-eas-manage-vpc.cn-shanghai.aliyuncs.com");
    PaiConfig hz = PaiConfig.builder().region("cn-hangzhou").build();
    assertThat(hz.endpoint(Product.ECS)).hasToString("https://ecs-cn-hangzhou.aliyuncs.com");
  }

  @Test
  void overrideWinsAndAllowsHttp() {
    PaiConfig c =
        PaiConfig.builder()
            .region("cn-shanghai")
            .putEndpointOverrides(Product.DLC, URI.create("http://127.0.0.1:8080"))
            .build();
    assertThat(c.endpoint(Product.DLC)).hasToString("http://127.0.0.1:8080");
  }

  @Test
  void missingRegionFailsAtBuildNamingTheField() {
    assertThatThrownBy(() -> Pai.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("region")
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("region"));
  }

  @Test
  void badRegionAndOverrideAreRejected() {
    assertThatThrownBy(() -> Pai.builder().region("Shanghai!").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cn-shanghai");
    assertThatThrownBy(
            () ->
                Pai.builder()
                    .region("cn-shanghai")
                    .endpointOverride(URI.create("ftp://x/y"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("endpointOverride");
  }

  @Test
  void retrySettingsValidate() {
    assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetrySettings.builder().jitter(2).build())
        .hasMessageContaining("jitter");
  }

  @Test
  void credentialsNeverShowSecrets() {
    PaiCredentials sts = PaiCredentials.sts("STS.NUabcdefgh1234", "topSecretValue", "tokenValue");
    Pai pai = Pai.builder().region("cn-shanghai").credentials(sts).build();
    assertThat(sts.toString()).doesNotContain("topSecretValue", "tokenValue", "NUabcdefgh");
    assertThat(sts.toString()).contains("1234");
    assertThat(pai.toString()).doesNotContain("topSecretValue", "tokenValue");
    pai.close();
  }

  @Test
  void blankCredentialsNameTheField() {
    assertThatThrownBy(() -> PaiCredentials.accessKey("id", " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accessKeySecret");
  }
}
