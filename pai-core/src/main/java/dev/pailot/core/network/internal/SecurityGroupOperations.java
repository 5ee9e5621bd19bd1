package dev.pailot.core.network.internal;

import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.internal.wire.CreateResponses;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.paging.Page;
import dev.pailot.core.paging.Paginator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS 2014-05-26 security group calls of the network code, each one request through the shared
 * pipeline. Thread-safe.
 */
public final class SecurityGroupOperations {
  static final Operation DESCRIBE_GROUPS =
      Operation.rpc(Product.ECS, "DescribeSecurityGroups", true);
  static final Operation DESCRIBE_ATTRIBUTE =
      Operation.rpc(Product.ECS, "DescribeSecurityGroupAttribute", true);
  static final Operation CREATE_GROUP = Operation.rpc(Product.ECS, "CreateSecurityGroup", false);
  static final Operation AUTHORIZE = Operation.rpc(Product.ECS, "AuthorizeSecurityGroup", false);

  /** Largest {@code MaxResults} of DescribeSecurityGroups. */
  static final int MAX_GROUPS = 100;

  /** Largest {@code MaxResults} of DescribeSecurityGroupAttribute. */
  static final int MAX_RULES = 1000;

  /** Most {@code Permissions.N} one AuthorizeSecurityGroup call accepts. */
  public static final int MAX_PERMISSIONS_PER_CALL = 100;

  private final PaiRuntime runtime;
  private final WireReader wire;
  private final String region;

  /**
   * Creates the operations.
   *
   * @param runtime the shared runtime
   */
  public SecurityGroupOperations(PaiRuntime runtime) {
    this.runtime = runtime;
    this.wire = new WireReader(runtime.json());
    this.region = runtime.config().region();
  }

  /**
   * Groups of a VPC with this name and the {@code managed-by=pailot} tag, paged lazily by token.
   *
   * @param vpcId VPC id
   * @param name group name
   * @return groups
   */
  public Paginator<SecurityGroup> managedGroupsNamed(String vpcId, String name) {
    return Paginator.byToken(
        token -> {
          ApiRequest.Builder b =
              describeGroups().query("VpcId", vpcId).query("SecurityGroupName", name);
          RpcLists.tags(b, Map.of(NetworkSpec.MANAGED_BY_KEY, NetworkSpec.MANAGED_BY_VALUE));
          b.query("MaxResults", MAX_GROUPS).query("NextToken", token);
          DescribeSecurityGroupsResponse r = read(b, DescribeSecurityGroupsResponse.class);
          return Page.tokened(r.items(), r.nextToken());
        });
  }

  /**
   * One group by id.
   *
   * @param securityGroupId id
   * @return the group, or empty while it is not visible
   */
  public Optional<SecurityGroup> group(String securityGroupId) {
    ApiRequest.Builder b = describeGroups().query("SecurityGroupId", securityGroupId);
    return read(b, DescribeSecurityGroupsResponse.class).items().stream()
        .filter(g -> securityGroupId.equals(g.securityGroupId()))
        .findFirst();
  }

  /**
   * The inbound rules of a group, paged lazily by token.
   *
   * @param securityGroupId group id
   * @return rules
   */
  public Paginator<Permission> ingressRules(String securityGroupId) {
    return Paginator.byToken(
        token -> {
          ApiRequest.Builder b =
              ApiRequest.of(DESCRIBE_ATTRIBUTE)
                  .query("RegionId", region)
                  .query("SecurityGroupId", securityGroupId)
                  .query("Direction", "ingress")
                  .query("MaxResults", MAX_RULES)
                  .query("NextToken", token);
          DescribeSecurityGroupAttributeResponse r =
              read(b, DescribeSecurityGroupAttributeResponse.class);
          return Page.tokened(r.items(), r.nextToken());
        });
  }

  /**
   * Creates a group in a VPC with the spec's tags.
   *
   * @param vpcId VPC id
   * @param group the group
   * @param tags tags
   * @param clientToken idempotency token
   * @return the new group's id
   */
  public String create(
      String vpcId, SecurityGroupSpec group, Map<String, String> tags, String clientToken) {
    ApiRequest.Builder b =
        ApiRequest.of(CREATE_GROUP)
            .query("RegionId", region)
            .query("VpcId", vpcId)
            .query("SecurityGroupName", group.name())
            .query("Description", group.description());
    RpcLists.tags(b, tags).query("ClientToken", clientToken);
    return read(b, CreateResponses.CreateSecurityGroup.class).securityGroupId();
  }

  /**
   * Authorizes inbound rules in one call.
   *
   * @param securityGroupId group id
   * @param rules 1 to {@link #MAX_PERMISSIONS_PER_CALL} rules
   * @param clientToken idempotency token
   */
  public void authorize(String securityGroupId, List<IngressRule> rules, String clientToken) {
    ApiRequest.Builder b =
        ApiRequest.of(AUTHORIZE)
            .query("RegionId", region)
            .query("SecurityGroupId", securityGroupId);
    RpcLists.permissions(b, rules).query("ClientToken", clientToken);
    runtime.call(b.build());
  }

  private ApiRequest.Builder describeGroups() {
    return ApiRequest.of(DESCRIBE_GROUPS).query("RegionId", region);
  }

  private <T> T read(ApiRequest.Builder request, Class<T> type) {
    ApiRequest built = request.build();
    return wire.read(runtime.call(built), built.operation().action(), type);
  }
}
