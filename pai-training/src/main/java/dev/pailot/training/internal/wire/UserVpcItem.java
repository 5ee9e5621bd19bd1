package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code UserVpc}. CreateJob spells the CIDR list {@code ExtendedCIDRs}, GetJob {@code
 * ExtendedCidrs}; both are read.
 *
 * @param vpcId VPC id
 * @param switchId vSwitch id
 * @param securityGroupId security group id
 * @param extendedCidrs extra CIDR blocks
 * @param defaultRoute {@code eth0} or {@code eth1}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserVpcItem(
    @JsonProperty("VpcId") String vpcId,
    @JsonProperty("SwitchId") String switchId,
    @JsonProperty("SecurityGroupId") String securityGroupId,
    @JsonProperty("ExtendedCIDRs") @JsonAlias("ExtendedCidrs") List<String> extendedCidrs,
    @JsonProperty("DefaultRoute") String defaultRoute) {}
