package dev.pailot.testkit.stubs;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Short factories for the typed inputs of the stub builders, meant for static import:
 *
 * <pre>{@code
 * stubs.vpc().describeVpcs(vpc("vpc-1", "pailot-prod", "10.0.0.0/16", "Available"));
 * }</pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A VPC with no vSwitches, tags or description.
   *
   * @param vpcId id
   * @param name name
   * @param cidrBlock CIDR block
   * @param status {@code Pending} or {@code Available}
   * @return fixture
   */
  public static VpcFixture vpc(String vpcId, String name, String cidrBlock, String status) {
    return new VpcFixture(vpcId, name, cidrBlock, status, List.of(), Map.of(), "");
  }

  /**
   * An {@code Available} vSwitch with no name or tags.
   *
   * @param vSwitchId id
   * @param vpcId VPC id
   * @param zoneId zone id
   * @param cidrBlock CIDR block
   * @return fixture
   */
  public static VSwitchFixture vSwitch(
      String vSwitchId, String vpcId, String zoneId, String cidrBlock) {
    return new VSwitchFixture(vSwitchId, vpcId, zoneId, cidrBlock, "", "Available", Map.of());
  }

  /**
   * A {@code normal} security group with no rules or tags.
   *
   * @param securityGroupId id
   * @param name name
   * @param vpcId VPC id
   * @return fixture
   */
  public static SecurityGroupFixture securityGroup(
      String securityGroupId, String name, String vpcId) {
    return new SecurityGroupFixture(
        securityGroupId, name, vpcId, "normal", "", Map.of(), List.of());
  }

  /**
   * An accepting ingress rule with priority 1.
   *
   * @param ipProtocol e.g. {@code TCP}
   * @param portRange e.g. {@code 22/22}
   * @param sourceCidrIp e.g. {@code 10.0.0.0/8}
   * @return fixture with a rule id derived from its content
   */
  public static PermissionFixture ingress(
      String ipProtocol, String portRange, String sourceCidrIp) {
    return rule("ingress", ipProtocol, portRange, sourceCidrIp);
  }

  /**
   * An accepting egress rule with priority 1.
   *
   * @param ipProtocol e.g. {@code ALL}
   * @param portRange e.g. {@code -1/-1}
   * @param destCidrIp e.g. {@code 0.0.0.0/0}
   * @return fixture with a rule id derived from its content
   */
  public static PermissionFixture egress(String ipProtocol, String portRange, String destCidrIp) {
    return rule("egress", ipProtocol, portRange, destCidrIp);
  }

  private static PermissionFixture rule(
      String direction, String protocol, String ports, String cidr) {
    String id =
        "sgr-" + Integer.toHexString((direction + protocol + ports + cidr).hashCode() & 0xfffffff);
    return new PermissionFixture(id, direction, protocol, ports, cidr, "accept", 1, "");
  }

  /**
   * An {@code ENABLED}, non-default, basic ({@code [prod]}) workspace.
   *
   * @param workspaceId id
   * @param name workspace name
   * @return fixture
   */
  public static WorkspaceFixture workspace(String workspaceId, String name) {
    return new WorkspaceFixture(workspaceId, name, "ENABLED", "", List.of("prod"), false);
  }

  /**
   * A {@code DIRECTORY} dataset; the data source type ({@code OSS} or {@code NAS}) follows the URI
   * scheme.
   *
   * @param datasetId id
   * @param name name
   * @param workspaceId workspace id
   * @param uri {@code oss://...} or {@code nas://...}
   * @return fixture
   */
  public static DatasetFixture dataset(
      String datasetId, String name, String workspaceId, String uri) {
    String type = uri.toLowerCase(Locale.ROOT).startsWith("nas://") ? "NAS" : "OSS";
    return new DatasetFixture(datasetId, name, workspaceId, type, uri, "DIRECTORY", "");
  }
}
