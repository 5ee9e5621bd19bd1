package dev.pailot.core.network.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ECS {@code DescribeSecurityGroupAttribute} response (PAI_API.md §5.2), {@code NextToken} paging.
 *
 * @param requestId request id
 * @param securityGroupId group id
 * @param vpcId VPC id
 * @param nextToken token of the next page; empty or {@code null} on the last
 * @param permissions the page's rules
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeSecurityGroupAttributeResponse(
    @JsonProperty("RequestId") String requestId,
    @JsonProperty("SecurityGroupId") String securityGroupId,
    @JsonProperty("VpcId") String vpcId,
    @JsonProperty("NextToken") String nextToken,
    @JsonProperty("Permissions") Permissions permissions) {

  /**
   * The rules on this page, never {@code null}.
   *
   * @return rules
   */
  public List<Permission> items() {
    return permissions == null || permissions.permission() == null
        ? List.of()
        : permissions.permission();
  }

  /**
   * Wrapper {@code {"Permission":[...]}}.
   *
   * @param permission rules
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Permissions(@JsonProperty("Permission") List<Permission> permission) {}

  /**
   * One rule. ECS reports policies and protocols in varying case ({@code Accept}, {@code accept}).
   *
   * @param securityGroupRuleId rule id
   * @param direction {@code ingress} or {@code egress}
   * @param ipProtocol protocol, e.g. {@code TCP}
   * @param portRange e.g. {@code 22/22}
   * @param sourceCidrIp IPv4 source, empty when the source is a group or prefix list
   * @param ipv6SourceCidrIp IPv6 source, empty when not IPv6
   * @param sourceGroupId source group, empty when the source is a block
   * @param policy {@code Accept} or {@code Drop}
   * @param priority 1 to 100 (sent as a string or a number)
   * @param nicType {@code intranet} or {@code internet}
   * @param description description
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Permission(
      @JsonProperty("SecurityGroupRuleId") String securityGroupRuleId,
      @JsonProperty("Direction") String direction,
      @JsonProperty("IpProtocol") String ipProtocol,
      @JsonProperty("PortRange") String portRange,
      @JsonProperty("SourceCidrIp") String sourceCidrIp,
      @JsonProperty("Ipv6SourceCidrIp") String ipv6SourceCidrIp,
      @JsonProperty("SourceGroupId") String sourceGroupId,
      @JsonProperty("Policy") String policy,
      @JsonProperty("Priority") String priority,
      @JsonProperty("NicType") String nicType,
      @JsonProperty("Description") String description) {}
}
