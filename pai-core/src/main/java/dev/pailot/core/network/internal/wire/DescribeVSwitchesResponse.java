package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * VPC {@code DescribeVSwitches} response (PAI_API.md §5.1).
 *
 * @param requestId request id
 * @param totalCount total matching vSwitches
 * @param vSwitches the page's vSwitches
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeVSwitchesResponse(
    @JsonProperty("RequestId") String requestId,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("VSwitches") VSwitches vSwitches) {

  /**
   * The vSwitches on this page, never {@code null}.
   *
   * @return vSwitches
   */
  public List<VSwitch> items() {
    return vSwitches == null || vSwitches.vSwitch() == null ? List.of() : vSwitches.vSwitch();
  }

  /**
   * Wrapper {@code {"VSwitch":[...]}}.
   *
   * @param vSwitch vSwitches
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VSwitches(@JsonProperty("VSwitch") List<VSwitch> vSwitch) {}

  /**
   * One vSwitch.
   *
   * @param vSwitchId id
   * @param vSwitchName name
   * @param vpcId VPC id
   * @param zoneId zone
   * @param cidrBlock IPv4 block
   * @param status {@code Pending} or {@code Available}
   * @param tags tags
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VSwitch(
      @JsonProperty("VSwitchId") String vSwitchId,
      @JsonProperty("VSwitchName") String vSwitchName,
      @JsonProperty("VpcId") String vpcId,
      @JsonProperty("ZoneId") String zoneId,
      @JsonProperty("CidrBlock") String cidrBlock,
      @JsonProperty("Status") String status,
      @JsonProperty("Tags") TagSet tags) {}
}
