package dev.pailot.testkit;

import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.ApiResponse;
import dev.pailot.core.internal.transport.Operation;

/**
 * Operation descriptors for the APIs the functional tests drive through pai-core's pipeline, as
 * pai-core's typed clients will declare them (PAI_API.md §4, §5).
 */
final class Ops {
  static final Operation CREATE_VPC = Operation.rpc(Product.VPC, "CreateVpc", false);
  static final Operation DESCRIBE_VPCS = Operation.rpc(Product.VPC, "DescribeVpcs", true);
  static final Operation CREATE_VSWITCH = Operation.rpc(Product.VPC, "CreateVSwitch", false);
  static final Operation DESCRIBE_VSWITCHES = Operation.rpc(Product.VPC, "DescribeVSwitches", true);
  static final Operation DELETE_VPC = Operation.rpc(Product.VPC, "DeleteVpc", true);
  static final Operation DELETE_VSWITCH = Operation.rpc(Product.VPC, "DeleteVSwitch", true);

  static final Operation CREATE_SECURITY_GROUP =
      Operation.rpc(Product.ECS, "CreateSecurityGroup", false);
  static final Operation DESCRIBE_SECURITY_GROUPS =
      Operation.rpc(Product.ECS, "DescribeSecurityGroups", true);
  static final Operation AUTHORIZE_SECURITY_GROUP =
      Operation.rpc(Product.ECS, "AuthorizeSecurityGroup", true);
  static final Operation DESCRIBE_SECURITY_GROUP_ATTRIBUTE =
      Operation.rpc(Product.ECS, "DescribeSecurityGroupAttribute", true);
  static final Operation REVOKE_SECURITY_GROUP =
      Operation.rpc(Product.ECS, "RevokeSecurityGroup", true);
  static final Operation DELETE_SECURITY_GROUP =
      Operation.rpc(Product.ECS, "DeleteSecurityGroup", true);

  static final Operation CREATE_WORKSPACE =
      Operation.roa(Product.AIWORKSPACE, "CreateWorkspace", "POST", "/api/v1/workspaces", false);
  static final Operation GET_WORKSPACE =
      Operation.roa(
          Product.AIWORKSPACE, "GetWorkspace", "GET", "/api/v1/workspaces/{WorkspaceId}", true);
  static final Operation LIST_WORKSPACES =
      Operation.roa(Product.AIWORKSPACE, "ListWorkspaces", "GET", "/api/v1/workspaces", true);
  static final Operation DELETE_WORKSPACE =
      Operation.roa(
          Product.AIWORKSPACE,
          "DeleteWorkspace",
          "DELETE",
          "/api/v1/workspaces/{WorkspaceId}",
          true);
  static final Operation CREATE_DATASET =
      Operation.roa(Product.AIWORKSPACE, "CreateDataset", "POST", "/api/v1/datasets", false);
  static final Operation GET_DATASET =
      Operation.roa(Product.AIWORKSPACE, "GetDataset", "GET", "/api/v1/datasets/{DatasetId}", true);
  static final Operation LIST_DATASETS =
      Operation.roa(Product.AIWORKSPACE, "ListDatasets", "GET", "/api/v1/datasets", true);
  static final Operation DELETE_DATASET =
      Operation.roa(
          Product.AIWORKSPACE, "DeleteDataset", "DELETE", "/api/v1/datasets/{DatasetId}", true);

  private Ops() {}

  static ApiResponse call(Pai pai, ApiRequest request) {
    return PaiRuntime.of(pai).call(request);
  }

  static ApiResponse call(Pai pai, Operation op) {
    return call(pai, ApiRequest.of(op).build());
  }

  static ApiRequest.Builder rpc(Operation op, String region) {
    return ApiRequest.of(op).query("RegionId", region);
  }
}
