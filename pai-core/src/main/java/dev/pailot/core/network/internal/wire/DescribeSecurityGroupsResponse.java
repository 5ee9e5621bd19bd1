package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ECS {@code DescribeSecurityGroups} response (PAI_API.md §5.2), {@code NextToken} paging.
 *
 * @param requestId request id
 * @param nextToken token of the next page; empty or {@code null} on the last
 * @param securityGroups the page's groups
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeSecurityGroupsResponse(
    @JsonProperty("RequestId") String requestId,
    @JsonProperty("NextToken") String nextToken,
    @JsonProperty("SecurityGroups") SecurityGroups securityGroups) {

  /**
   * The groups on this page, never {@code null}.
   *
   * @return groups
   */
  public List<SecurityGroup> items() {
    return securityGroups == null || securityGroups.securityGroup() == null
        ? List.of()
        : securityGroups.securityGroup();
  }

  /**
   * Wrapper {@code {"SecurityGroup":[...]}}.
   *
   * @param securityGroup groups
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecurityGroups(@JsonProperty("SecurityGroup") List<SecurityGroup> securityGroup) {}

  /**
   * One security group.
   *
   * @param securityGroupId id
   * @param securityGroupName name
   * @param vpcId VPC id
   * @param description description
   * @param tags tags
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecurityGroup(
      @JsonProperty("SecurityGroupId") String securityGroupId,
      @JsonProperty("SecurityGroupName") String securityGroupName,
      @JsonProperty("VpcId") String vpcId,
      @JsonProperty("Description") String description,
      @JsonProperty("Tags") TagSet tags) {}
}
