package dev.pailot.testkit.stubs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A vSwitch as {@code DescribeVSwitches} reports it. Create with {@link Fixtures#vSwitch};
 * immutable and thread-safe, the {@code with*} methods return copies.
 *
 * @param vSwitchId e.g. {@code vsw-1}
 * @param vpcId the VPC it belongs to
 * @param zoneId e.g. {@code cn-shanghai-b}
 * @param cidrBlock e.g. {@code 10.0.1.0/24}
 * @param vSwitchName name, may be empty
 * @param status {@code Pending} or {@code Available}
 * @param tags tags, in order
 */
public record VSwitchFixture(
    String vSwitchId,
    String vpcId,
    String zoneId,
    String cidrBlock,
    String vSwitchName,
    String status,
    Map<String, String> tags) {

  /**
   * Validates and copies the tags.
   *
   * @param vSwitchId e.g. {@code vsw-1}
   * @param vpcId the VPC it belongs to
   * @param zoneId e.g. {@code cn-shanghai-b}
   * @param cidrBlock e.g. {@code 10.0.1.0/24}
   * @param vSwitchName name, may be empty
   * @param status {@code Pending} or {@code Available}
   * @param tags tags, in order
   */
  public VSwitchFixture {
    Objects.requireNonNull(vSwitchId, "vSwitchId");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(cidrBlock, "cidrBlock");
    vSwitchName = vSwitchName == null ? "" : vSwitchName;
    Objects.requireNonNull(status, "status");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /**
   * A copy with this name.
   *
   * @param name vSwitch name
   * @return copy
   */
  public VSwitchFixture withName(String name) {
    return new VSwitchFixture(vSwitchId, vpcId, zoneId, cidrBlock, name, status, tags);
  }

  /**
   * A copy with this status.
   *
   * @param newStatus {@code Pending} or {@code Available}
   * @return copy
   */
  public VSwitchFixture withStatus(String newStatus) {
    return new VSwitchFixture(vSwitchId, vpcId, zoneId, cidrBlock, vSwitchName, newStatus, tags);
  }

  /**
   * A copy with one more tag.
   *
   * @param key tag key
   * @param value tag value
   * @return copy
   */
  public VSwitchFixture withTag(String key, String value) {
    Map<String, String> t = new LinkedHashMap<>(tags);
    t.put(key, value);
    return new VSwitchFixture(vSwitchId, vpcId, zoneId, cidrBlock, vSwitchName, status, t);
  }
}
