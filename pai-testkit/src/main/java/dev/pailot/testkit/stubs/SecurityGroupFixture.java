package dev.pailot.testkit.stubs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A security group as {@code DescribeSecurityGroups} and {@code DescribeSecurityGroupAttribute}
 * report it. Create with {@link Fixtures#securityGroup}; immutable and thread-safe, the {@code
 * with*} methods return copies.
 *
 * @param securityGroupId e.g. {@code sg-1}
 * @param securityGroupName name
 * @param vpcId the VPC it belongs to
 * @param securityGroupType {@code normal} or {@code enterprise}
 * @param description description, may be empty
 * @param tags tags, in order
 * @param permissions its rules
 */
public record SecurityGroupFixture(
    String securityGroupId,
    String securityGroupName,
    String vpcId,
    String securityGroupType,
    String description,
    Map<String, String> tags,
    List<PermissionFixture> permissions) {

  /**
   * Validates and copies the collections.
   *
   * @param securityGroupId e.g. {@code sg-1}
   * @param securityGroupName name
   * @param vpcId the VPC it belongs to
   * @param securityGroupType {@code normal} or {@code enterprise}
   * @param description description, may be empty
   * @param tags tags, in order
   * @param permissions its rules
   */
  public SecurityGroupFixture {
    Objects.requireNonNull(securityGroupId, "securityGroupId");
    Objects.requireNonNull(securityGroupName, "securityGroupName");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(securityGroupType, "securityGroupType");
    description = description == null ? "" : description;
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    permissions = List.copyOf(permissions);
  }

  /**
   * A copy with these rules.
   *
   * @param rules rules
   * @return copy
   */
  public SecurityGroupFixture withPermissions(PermissionFixture... rules) {
    return new SecurityGroupFixture(
        securityGroupId,
        securityGroupName,
        vpcId,
        securityGroupType,
        description,
        tags,
        List.of(rules));
  }

  /**
   * A copy with one more tag.
   *
   * @param key tag key
   * @param value tag value
   * @return copy
   */
  public SecurityGroupFixture withTag(String key, String value) {
    Map<String, String> t = new LinkedHashMap<>(tags);
    t.put(key, value);
    return new SecurityGroupFixture(
        securityGroupId, securityGroupName, vpcId, securityGroupType, description, t, permissions);
  }
}
