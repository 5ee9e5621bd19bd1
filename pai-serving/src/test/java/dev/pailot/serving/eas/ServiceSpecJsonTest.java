package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The typed spec model: JSON round trips that keep unknown keys, YAML, and validation. */
class ServiceSpecJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Known keys at every level, plus unknown ones at every level, some of unexpected types. */
  static final String FULL =
      """
      {
        "metadata": {"name": "qwen_chat", "instance": 2, "gpu": 1, "group": "qwen_grp",
                     "workspace_id": "ws-1", "type": "LLM", "qos": "Guaranteed",
                     "rpc": {"keepalive": 600000, "batching": false, "io_threads": 4},
                     "rolling_strategy": {"max_surge": 1}},
        "cloud": {"computing": {"instance_type": "ecs.gn7i-c8g1.2xlarge",
                                "disable_spot_protection_period": true},
                  "networking": {"vpc_id": "vpc-1", "vswitch_id": "vsw-1",
                                 "security_group_id": "sg-1", "default_route": "eth1"},
                  "future_section": {"x": 1}},
        "containers": [{"image": "registry/vllm@sha256:abc", "port": 8000,
                        "script": "vllm serve /mnt/model",
                        "env": [{"name": "HF_HUB_OFFLINE", "value": "1"}],
                        "readiness_check": {"http_get": {"path": "/health", "port": 8000,
                                                          "scheme": "HTTP"},
                                            "initial_delay_seconds": 300, "period_seconds": 10},
                        "prepare": {"pythonRequirements": ["x==1"]}}],
        "storage": [{"mount_path": "/mnt/model",
                     "oss": {"path": "oss://bucket/models/qwen/", "readOnly": true},
                     "properties": {"resource_type": "model"}},
                    {"mount_path": "/dev/shm", "empty_dir": {"medium": "memory"}}],
        "features": {"eas.aliyun.com/extra-ephemeral-storage": "40Gi"},
        "autoscaler": {"min": 2, "max": 8, "scaleStrategies": [{"metricName": "qps", "threshold": 20}],
                       "behavior": {"scaleDown": {"stabilizationWindowSeconds": 600},
                                    "extra": true}},
        "networking": {"disable_internet_endpoint": true},
        "runtime": {"termination_grace_period": 30},
        "token": "fixed-token",
        "dockerAuth": "dXNlcjpwYXNz",
        "unknown_top": [1, "two", {"three": 3}]
      }
      """;

  @Test
  void aSpecWithUnknownKeysAtEveryLevelRoundTripsIdentically() throws Exception {
    ServiceSpec spec = ServiceSpec.fromJson(FULL);

    assertThat(JSON.readTree(spec.toJson())).isEqualTo(JSON.readTree(FULL));
    assertThat(ServiceSpec.fromJson(spec.toJson())).isEqualTo(spec);
  }

  @Test
  void knownKeysAreTyped() {
    ServiceSpec spec = ServiceSpec.fromJson(FULL);

    assertThat(spec.name()).isEqualTo("qwen_chat");
    assertThat(spec.metadata().instance()).hasValue(2);
    assertThat(spec.metadata().rpcKeepalive()).hasValue(Duration.ofMinutes(10));
    assertThat(spec.metadata().extra()).containsKeys("qos", "rpc", "rolling_strategy");
    assertThat(spec.computing().orElseThrow().instanceType()).hasValue("ecs.gn7i-c8g1.2xlarge");
    assertThat(spec.networking().orElseThrow().attached()).isTrue();
    ContainerSpec c = spec.containers().get(0);
    assertThat(c.env()).containsEntry("HF_HUB_OFFLINE", "1");
    assertThat(c.gatingProbe().orElseThrow().initialDelay()).hasValue(Duration.ofMinutes(5));
    assertThat(c.gatingProbe().orElseThrow().httpGetPath()).hasValue("/health");
    assertThat(spec.storage().get(0).holdsModel()).isTrue();
    assertThat(spec.weightSources()).containsExactly("oss://bucket/models/qwen/");
    assertThat(spec.autoscaler().orElseThrow().scaleDownStabilization())
        .hasValue(Duration.ofMinutes(10));
    assertThat(spec.extra()).containsKeys("networking", "runtime", "unknown_top", "cloud");
  }

  @Test
  void valuesOfUnexpectedTypesStayVerbatim() throws Exception {
    String odd =
        """
        {"metadata": {"name": "odd", "instance": "2", "cpu": 2, "memory": 4096},
         "containers": [{"image": "r/i:1", "env": [{"name": "A", "valueFrom": "secret"}]}],
         "cloud": {"computing": {"instances": [{"type": "ecs.a", "spot_price_limit": 1.5}]}}}
        """;

    ServiceSpec spec = ServiceSpec.fromJson(odd);

    assertThat(spec.metadata().instance()).isEmpty();
    assertThat(spec.metadata().extra().get("instance").asText()).isEqualTo("2");
    assertThat(spec.containers().get(0).env()).isEmpty();
    assertThat(spec.computing().orElseThrow().candidateTypes()).containsExactly("ecs.a");
    assertThat(JSON.readTree(spec.toJson())).isEqualTo(JSON.readTree(odd));
  }

  @Test
  void secretsStayOutOfToString() {
    String text = ServiceSpec.fromJson(FULL).toString();

    assertThat(text).doesNotContain("fixed-token").doesNotContain("dXNlcjpwYXNz");
  }

  @Test
  void theKubernetesFormImportsAndExportsBack() throws Exception {
    String yaml =
        """
        apiVersion: eas.alibabacloud.com/v1alpha1
        kind: Service
        metadata:
          name: qwen_chat
        spec:
          image: registry/vllm:0.8.5
          port: 8000
          model_path: oss://bucket/models/qwen/
          processor_entry: ./app.py
          metadata:
            instance: 2
            cpu: 8
            memory: 32000
          features:
            eas.aliyun.com/extra-ephemeral-storage: 40Gi
          health_check:
            http_get:
              path: /health
              port: 8000
            initial_delay_seconds: 120
        """;

    ServiceSpec spec = ServiceSpec.fromKubernetesYaml(yaml);

    assertThat(spec.name()).isEqualTo("qwen_chat");
    assertThat(spec.metadata().instance()).hasValue(2);
    assertThat(spec.image()).hasValue("registry/vllm:0.8.5");
    assertThat(spec.containers().get(0).healthCheck().orElseThrow().initialDelay())
        .hasValue(Duration.ofMinutes(2));
    assertThat(spec.weightSources()).containsExactly("oss://bucket/models/qwen/");
    assertThat(spec.features()).containsEntry("eas.aliyun.com/extra-ephemeral-storage", "40Gi");
    String exported = spec.toKubernetesYaml();
    assertThat(exported)
        .contains("apiVersion: eas.alibabacloud.com/v1alpha1")
        .contains("kind: Service");
    assertThat(ServiceSpec.fromKubernetesYaml(exported)).isEqualTo(spec);
    JsonNode before =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
    JsonNode after =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(exported);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aSpecWithSeveralContainersExportsThemAsAList() {
    ServiceSpec spec =
        Specs.vllm("two").toBuilder()
            .addContainers(ContainerSpec.of("registry/sidecar:1", 9000).build())
            .build();

    assertThat(ServiceSpec.fromKubernetesYaml(spec.toKubernetesYaml())).isEqualTo(spec);
    assertThat(spec.toKubernetesYaml()).contains("containers:");
  }

  @Test
  void anotherKindIsRefused() {
    assertThatThrownBy(
            () -> ServiceSpec.fromKubernetesYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: x}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("apiVersion");
  }

  @Test
  void builderValidationNamesTheFieldAndTheFix() {
    assertThatThrownBy(() -> ServiceMetadata.builder().name("Bad-Name").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> ServiceMetadata.builder().build()).hasMessageContaining("name");
    assertThatThrownBy(
            () ->
                ServiceSpec.builder()
                    .metadata(ServiceMetadata.builder().name("x").build())
                    .addContainers(ContainerSpec.of("r/i:1", 80).build())
                    .build())
        .hasMessageContaining("cloud.computing.instance_type");
    assertThatThrownBy(
            () ->
                ServiceSpec.builder()
                    .metadata(ServiceMetadata.builder().name("x").resource("eas-r-1").build())
                    .computing(ComputingSpec.instanceType("ecs.a"))
                    .addContainers(ContainerSpec.of("r/i:1", 80).build())
                    .build())
        .hasMessageContaining("metadata.resource");
    assertThatThrownBy(() -> ContainerSpec.of("r/i:1", 70000).build())
        .hasMessageContaining("containers[].port");
    assertThatThrownBy(() -> StorageMount.oss("s3://x/", "/mnt")).hasMessageContaining("oss://");
    assertThatThrownBy(() -> NetworkingSpec.builder().vpcId("vpc-1").build())
        .hasMessageContaining("security_group_id");
    assertThatThrownBy(
            () ->
                AutoscalerSpec.builder().min(3).max(2).addStrategies(ScaleStrategy.qps(1)).build())
        .hasMessageContaining("autoscaler.max");
    assertThatThrownBy(() -> CronScaleJob.of("j", "every day", 2)).hasMessageContaining("cron");
    assertThatThrownBy(() -> ServiceSpec.fromJson("{not json"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("json");
  }
}
