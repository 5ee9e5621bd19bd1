package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * VPC {@code DescribeVpcs} response (PAI_API.md §5.1).
 *
 * @param requestId request id
 * @param totalCount total matching VPCs
 * @param pageNumber page number
 * @param pageSize page size
 * @param vpcs the page's VPCs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeVpcsResponse(
    @JsonProperty("RequestId") String requestId,
    @JsonProperty("TotalCount") Integer totalCount,
    @JsonProperty("PageNumber") Integer pageNumber,
    @JsonProperty("PageSize") Integer pageSize,
    @JsonProperty("Vpcs") Vpcs vpcs) {

  /**
   * The VPCs on this page, never {@code null}.
   *
   * @return VPCs
   */
  public List<Vpc> items() {
    return vpcs == null || vpcs.vpc() == null ? List.of() : vpcs.vpc();
  }

  /**
   * Wrapper {@code {"Vpc":[...]}}.
   *
   * @param vpc VPCs
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Vpcs(@JsonProperty("Vpc") List<Vpc> vpc) {}

  /**
   * One VPC.
   *
   * @param vpcId id
   * @param vpcName name
   * @param status {@code Pending} or {@code Available}
   * @param cidrBlock IPv4 block
   * @param vSwitchIds vSwitch ids
   * @param tags tags
   * @param regionId region
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Vpc(
      @JsonProperty("VpcId") String vpcId,
      @JsonProperty("VpcName") String vpcName,
      @JsonProperty("Status") String status,
      @JsonProperty("CidrBlock") String cidrBlock,
      @JsonProperty("VSwitchIds") VSwitchIds vSwitchIds,
      @JsonProperty("Tags") TagSet tags,
      @JsonProperty("RegionId") String regionId) {}

  /**
   * Wrapper {@code {"VSwitchId":[...]}}.
   *
   * @param vSwitchId ids
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VSwitchIds(@JsonProperty("VSwitchId") List<String> vSwitchId) {}
}
