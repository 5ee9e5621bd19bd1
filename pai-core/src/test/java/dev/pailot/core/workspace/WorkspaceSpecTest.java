package dev.pailot.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.pailot.core.error.ValidationException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceSpecTest {

  @Test
  void defaultsFollowTheName() {
    WorkspaceSpec spec = WorkspaceSpec.builder().name("llm_prod").build();

    assertThat(spec.displayName()).isEqualTo("llm_prod");
    assertThat(spec.description()).isEqualTo("Managed by Pailot");
    assertThat(spec.envTypes()).containsExactly(EnvType.PROD);
    assertThat(spec.datasets()).isEmpty();
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    WorkspaceSpec spec =
        AiWorkspaceStubs.spec(AiWorkspaceStubs.trainSpec(), AiWorkspaceStubs.evalSpec());

    String json = spec.toJson();
    WorkspaceSpec back = WorkspaceSpec.fromJson(json);

    assertThat(back).isEqualTo(spec);
    assertThat(json).contains("\"envTypes\"").contains("\"mountPath\" : \"/mnt/data/train/\"");
  }

  @Test
  void anyJacksonMapperWithJdk8ModuleRoundTrips() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
    WorkspaceSpec spec = AiWorkspaceStubs.spec(AiWorkspaceStubs.trainSpec());

    WorkspaceSpec back = mapper.readValue(mapper.writeValueAsString(spec), WorkspaceSpec.class);

    assertThat(back).isEqualTo(spec);
  }

  @Test
  void handWrittenJsonIsLenientAboutEnumCase() {
    WorkspaceSpec spec =
        WorkspaceSpec.fromJson(
            "{\"name\":\"llm_dev\",\"envTypes\":[\"dev\",\"prod\"],\"datasets\":[{\"name\":\"t\","
                + "\"dataSourceType\":\"nas\",\"uri\":\"nas://0a1b2c.cn-shanghai/t/\","
                + "\"property\":\"directory\"}]}");

    assertThat(spec.envTypes()).containsExactly(EnvType.DEV, EnvType.PROD);
    assertThat(spec.datasets().get(0).dataSourceType()).isEqualTo(DataSourceType.NAS);
    assertThat(spec.datasets().get(0).dataType()).isEqualTo(DataType.COMMON);
  }

  @Test
  void invalidJsonNamesTheProblem() {
    assertField(() -> WorkspaceSpec.fromJson("{\"name\": "), "json");
    assertField(() -> WorkspaceSpec.fromJson("{\"name\":\"1bad\"}"), "name");
    assertField(() -> WorkspaceSpec.fromJson("{\"displayName\":\"x\"}"), "name");
    assertField(
        () -> WorkspaceSpec.fromJson("{\"name\":\"ok_name\",\"envTypes\":[\"qa\"]}"), "envTypes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "1abc", "has-dash", "has space", "a23456789012345678901234"})
  void workspaceNamesOutsideOurReadingOfPaisRuleAreRejected(String name) {
    assertField(() -> WorkspaceSpec.builder().name(name).build(), "name");
  }

  @Test
  void workspaceFieldRules() {
    assertField(() -> WorkspaceSpec.builder().build(), "name");
    assertField(
        () -> WorkspaceSpec.builder().name("abc").description("x".repeat(81)).build(),
        "description");
    assertField(() -> WorkspaceSpec.builder().name("abc").description(" ").build(), "description");
    assertField(
        () -> WorkspaceSpec.builder().name("abc").addEnvTypes(EnvType.DEV).build(), "envTypes");
    DatasetSpec t = AiWorkspaceStubs.trainSpec();
    assertField(() -> WorkspaceSpec.builder().name("abc").addDatasets(t, t).build(), "datasets");
    assertThat(WorkspaceSpec.builder().name("a23456789012345678901_3").build().name()).hasSize(23);
  }

  @Test
  void datasetFieldRules() {
    assertField(() -> dataset(b -> b.name("-lead")), "name");
    assertField(() -> dataset(b -> b.name("x".repeat(128))), "name");
    assertField(() -> dataset(b -> b.uri("oss://bucket/no-endpoint/")), "uri");
    assertField(() -> dataset(b -> b.uri("nas://0a1b2c.cn-shanghai/data/")), "uri");
    assertField(() -> dataset(b -> b.uri("s3://bucket.endpoint.com/x/")), "uri");
    assertField(() -> dataset(b -> b.property(DatasetProperty.FILE)), "uri");
    assertField(() -> dataset(b -> b.mountPath("mnt/data")), "mountPath");
    assertField(() -> dataset(b -> b.mountPath("/")), "mountPath");
    assertField(() -> dataset(b -> b.putLabels("k=v", "x")), "labels");
    assertField(() -> DatasetSpec.builder().name("x").build(), "dataSourceType");
    assertThat(dataset(b -> b.name("数据集_1"))).isNotNull();
    assertThat(
            dataset(
                b ->
                    b.dataSourceType(DataSourceType.NAS)
                        .uri("nas://cpfs-0123456789abcdef.cn-shanghai/ptc-0123456789abcdef/")))
        .isNotNull();
  }

  @Test
  void validationMessagesSayWhatToDo() {
    assertThatThrownBy(() -> dataset(b -> b.uri("oss://bucket/no-endpoint/")))
        .hasMessageContaining("oss://bucket/no-endpoint/")
        .hasMessageContaining("Fix:")
        .hasMessageContaining("oss://my-bucket.oss-cn-shanghai.aliyuncs.com/data/");
  }

  private static DatasetSpec dataset(Consumer<DatasetSpec.Builder> change) {
    DatasetSpec.Builder b = AiWorkspaceStubs.trainSpec().toBuilder();
    change.accept(b);
    return b.build();
  }

  private static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).hasValue(field);
              assertThat(e.getMessage()).contains("Fix:");
            });
  }
}
