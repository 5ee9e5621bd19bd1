package dev.pailot.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.pailot.core.error.ValidationException;
import org.junit.jupiter.api.Test;

/** Specs are plain data: JSON out, JSON in, equal; validated on the way in; secrets redacted. */
class JobSpecJsonTest {

  @Test
  void fullSpecRoundTripsThroughJson() {
    JobSpec spec = DlcStubs.fullSpec();

    String json = spec.toJson();
    JobSpec again = JobSpec.fromJson(json);

    assertThat(again).isEqualTo(spec);
    assertThat(again.toJson()).isEqualTo(json);
    assertThat(json)
        .contains("\"jobType\" : \"PyTorchJob\"")
        .contains("\"type\" : \"Worker\"")
        .contains("\"discountLimit\" : 0.5")
        .contains("\"restartPolicy\" : \"OnFailure\"")
        .doesNotContain("priceLimit") // unset fields are left out
        .doesNotContain("null");
  }

  @Test
  void anyMapperWithJdk8ModuleReadsTheJson() throws Exception {
    JobSpec spec = DlcStubs.fullSpec();
    ObjectMapper plain = new ObjectMapper().registerModule(new Jdk8Module());

    assertThat(plain.readValue(spec.toJson(), JobSpec.class)).isEqualTo(spec);
  }

  @Test
  void handWrittenJsonIsValidatedLikeTheBuilder() {
    String json =
        """
        {"displayName": "mnist", "jobType": "pytorchjob", "userCommand": "python train.py",
         "roles": [{"type": "worker", "image": "pytorch:latest", "ecsSpec": "ecs.g7.xlarge"}]}
        """;

    assertThatThrownBy(() -> JobSpec.fromJson(json))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("image"));
    JobSpec ok = JobSpec.fromJson(json.replace("latest", "2.3.0"));
    assertThat(ok.jobType()).isEqualTo(JobType.PYTORCH_JOB);
    assertThat(ok.roles().get(0).type()).isEqualTo(RoleType.WORKER);
    assertThat(ok.roles().get(0).podCount()).isEqualTo(1);
  }

  @Test
  void missingFieldsAndMalformedJsonNameTheProblem() {
    assertThatThrownBy(() -> JobSpec.fromJson("{\"jobType\": \"TFJob\"}"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("displayName"));
    assertThatThrownBy(() -> JobSpec.fromJson("{\"displayName\": "))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("json"))
        .hasMessageContaining("line 1");
  }

  @Test
  void toStringRedactsCodeSourceAndCredentials() {
    String text = DlcStubs.fullSpec().toString();

    assertThat(text).contains("llm-sft-run-01").contains("codeSource=****");
    assertThat(text).contains("credentialConfig=****").doesNotContain("code-20210111103721");
  }
}
