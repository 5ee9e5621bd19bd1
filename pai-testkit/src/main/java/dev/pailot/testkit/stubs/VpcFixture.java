package dev.pailot.testkit.stubs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VPC as {@code DescribeVpcs} reports it. Create with {@link Fixtures#vpc}; immutable and
 * thread-safe, the {@code with*} methods return copies.
 *
 * @param vpcId e.g. {@code vpc-1}
 * @param vpcName name
 * @param cidrBlock e.g. {@code 10.0.0.0/16}
 * @param status {@code Pending} or {@code Available}
 * @param vSwitchIds ids of the vSwitches in the VPC
 * @param tags tags, in order
 * @param description description, may be empty
 */
public record VpcFixture(
    String vpcId,
    String vpcName,
    String cidrBlock,
    String status,
    List<String> vSwitchIds,
    Map<String, String> tags,
    String description) {

  /**
   * Validates and copies the collections.
   *
   * @param vpcId e.g. {@code vpc-1}
   * @param vpcName name
   * @param cidrBlock e.g. {@code 10.0.0.0/16}
   * @param status {@code Pending} or {@code Available}
   * @param vSwitchIds ids of the vSwitches in the VPC
   * @param tags tags, in order
   * @param description description, may be empty
   */
  public VpcFixture {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(vpcName, "vpcName");
    Objects.requireNonNull(cidrBlock, "cidrBlock");
    Objects.requireNonNull(status, "status");
    vSwitchIds = List.copyOf(vSwitchIds);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    description = description == null ? "" : description;
  }

  /**
   * A copy with these vSwitch ids.
   *
   * @param ids vSwitch ids
   * @return copy
   */
  public VpcFixture withVSwitchIds(String... ids) {
    return new VpcFixture(vpcId, vpcName, cidrBlock, status, List.of(ids), tags, description);
  }

  /**
   * A copy with one more tag.
   *
   * @param key tag key
   * @param value tag value
   * @return copy
   */
  public VpcFixture withTag(String key, String value) {
    Map<String, String> t = new LinkedHashMap<>(tags);
    t.put(key, value);
    return new VpcFixture(vpcId, vpcName, cidrBlock, status, vSwitchIds, t, description);
  }

  /**
   * A copy with this status.
   *
   * @param newStatus {@code Pending} or {@code Available}
   * @return copy
   */
  public VpcFixture withStatus(String newStatus) {
    return new VpcFixture(vpcId, vpcName, cidrBlock, newStatus, vSwitchIds, tags, description);
  }

  /**
   * A copy with this description.
   *
   * @param text description
   * @return copy
   */
  public VpcFixture withDescription(String text) {
    return new VpcFixture(vpcId, vpcName, cidrBlock, status, vSwitchIds, tags, text);
  }
}
