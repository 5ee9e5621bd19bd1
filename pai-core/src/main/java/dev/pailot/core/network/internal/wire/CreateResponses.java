package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Responses of the VPC and ECS create calls (PAI_API.md §5). */
public final class CreateResponses {
  private CreateResponses() {}

  /**
   * VPC {@code CreateVpc} response.
   *
   * @param vpcId new VPC id
   * @param vRouterId its router
   * @param routeTableId its route table
   * @param requestId request id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreateVpc(
      @JsonProperty("VpcId") String vpcId,
      @JsonProperty("VRouterId") String vRouterId,
      @JsonProperty("RouteTableId") String routeTableId,
      @JsonProperty("RequestId") String requestId) {}

  /**
   * VPC {@code CreateVSwitch} response.
   *
   * @param vSwitchId new vSwitch id
   * @param requestId request id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreateVSwitch(
      @JsonProperty("VSwitchId") String vSwitchId, @JsonProperty("RequestId") String requestId) {}

  /**
   * ECS {@code CreateSecurityGroup} response.
   *
   * @param securityGroupId new group id
   * @param requestId request id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreateSecurityGroup(
      @JsonProperty("SecurityGroupId") String securityGroupId,
      @JsonProperty("RequestId") String requestId) {}
}
