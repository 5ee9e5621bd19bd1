package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code Settings} (PAI_API.md §2.4), the modelled part.
 *
 * @param enableErrorMonitoringInAIMaster AIMaster error monitoring
 * @param errorMonitoringArgs AIMaster flags
 * @param enableSanityCheck sanity check
 * @param sanityCheckArgs sanity-check flags
 * @param enableOssAppend OSS append writes
 * @param enableRdma RDMA
 * @param enableTideResource tidal resources
 * @param disableEcsStockCheck skip inventory check
 * @param jobReservedMinutes minutes to keep pods
 * @param jobReservedPolicy when to keep pods
 * @param driver NVIDIA driver version
 * @param oversoldType quota oversell
 * @param tags tags
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsItem(
    @JsonProperty("EnableErrorMonitoringInAIMaster") Boolean enableErrorMonitoringInAIMaster,
    @JsonProperty("ErrorMonitoringArgs") String errorMonitoringArgs,
    @JsonProperty("EnableSanityCheck") Boolean enableSanityCheck,
    @JsonProperty("SanityCheckArgs") String sanityCheckArgs,
    @JsonProperty("EnableOssAppend") Boolean enableOssAppend,
    @JsonProperty("EnableRDMA") Boolean enableRdma,
    @JsonProperty("EnableTideResource") Boolean enableTideResource,
    @JsonProperty("DisableEcsStockCheck") Boolean disableEcsStockCheck,
    @JsonProperty("JobReservedMinutes") Integer jobReservedMinutes,
    @JsonProperty("JobReservedPolicy") String jobReservedPolicy,
    @JsonProperty("Driver") String driver,
    @JsonProperty("OversoldType") String oversoldType,
    @JsonProperty("Tags") Map<String, String> tags) {}
