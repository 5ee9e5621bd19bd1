package dev.pailot.serving.eas.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * DescribeServiceDiagnosis' body.
 *
 * @param diagnosisList DiagnosisList
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiagnosisResponse(@JsonProperty("DiagnosisList") List<Item> diagnosisList) {

  /**
   * One diagnosis.
   *
   * @param error Error
   * @param causes Causes
   * @param advices Advices
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Item(
      @JsonProperty("Error") String error,
      @JsonProperty("Causes") List<String> causes,
      @JsonProperty("Advices") List<String> advices) {}
}
