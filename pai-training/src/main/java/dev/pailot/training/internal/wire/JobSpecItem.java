package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One role in CreateJob's {@code JobSpecs[]} and GetJob's echo of it (PAI_API.md §2.3).
 *
 * @param type role, e.g. {@code Worker}
 * @param image image reference
 * @param podCount pods
 * @param ecsSpec instance type
 * @param resourceConfig resources on a resource group
 * @param spotSpec spot settings
 * @param restartPolicy restart policy
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobSpecItem(
    @JsonProperty("Type") String type,
    @JsonProperty("Image") String image,
    @JsonProperty("PodCount") Long podCount,
    @JsonProperty("EcsSpec") String ecsSpec,
    @JsonProperty("ResourceConfig") ResourceConfigItem resourceConfig,
    @JsonProperty("SpotSpec") SpotSpecItem spotSpec,
    @JsonProperty("RestartPolicy") String restartPolicy) {

  /**
   * {@code ResourceConfig}: Kubernetes quantities.
   *
   * @param cpu CPU
   * @param memory memory
   * @param gpu GPUs
   * @param gpuType GPU model
   * @param sharedMemory shared memory
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceConfigItem(
      @JsonProperty("CPU") String cpu,
      @JsonProperty("Memory") String memory,
      @JsonProperty("GPU") String gpu,
      @JsonProperty("GPUType") String gpuType,
      @JsonProperty("SharedMemory") String sharedMemory) {}

  /**
   * {@code SpotSpec}: exactly one of the two limits.
   *
   * @param spotStrategy {@code SpotWithPriceLimit}
   * @param spotDiscountLimit fraction of the on-demand price
   * @param spotPriceLimit CNY per minute
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SpotSpecItem(
      @JsonProperty("SpotStrategy") String spotStrategy,
      @JsonProperty("SpotDiscountLimit") Double spotDiscountLimit,
      @JsonProperty("SpotPriceLimit") Double spotPriceLimit) {}
}
