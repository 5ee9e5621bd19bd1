package dev.pailot.core;

/**
 * The Alibaba Cloud products Pailot's control plane talks to, with their API version, request style
 * and endpoint naming (see {@code PAI_API.md} §1).
 */
public enum Product {
  /** PAI Deep Learning Containers (training jobs). ROA, version 2020-12-03. */
  DLC("pai-dlc", "2020-12-03", Style.ROA, "pai-dlc", "pai-dlc-vpc"),
  /** PAI Elastic Algorithm Service (model serving). ROA, version 2021-07-01. */
  EAS("eas", "2021-07-01", Style.ROA, "pai-eas", "pai-eas-manage-vpc"),
  /** PAI AIWorkspace (workspaces, datasets, models). ROA, version 2021-02-04. */
  AIWORKSPACE("aiworkspace", "2021-02-04", Style.ROA, "aiworkspace", "aiworkspace-vpc"),
  /** Virtual Private Cloud. RPC, version 2016-04-28. */
  VPC("vpc", "2016-04-28", Style.RPC, "vpc", "vpc-vpc"),
  /** Elastic Compute Service (security groups). RPC, version 2014-05-26. */
  ECS("ecs", "2014-05-26", Style.RPC, "ecs", "ecs-vpc");

  /** How requests to a product are shaped. */
  public enum Style {
    /** Resource-oriented: REST paths, JSON bodies. */
    ROA,
    /** Remote-procedure: path {@code /}, every parameter in the query string. */
    RPC
  }

  private final String id;
  private final String version;
  private final Style style;
  private final String publicHostPrefix;
  private final String vpcHostPrefix;

  Product(String id, String version, Style style, String publicHostPrefix, String vpcHostPrefix) {
    this.id = id;
    this.version = version;
    this.style = style;
    this.publicHostPrefix = publicHostPrefix;
    this.vpcHostPrefix = vpcHostPrefix;
  }

  /**
   * The product id used by Alibaba Cloud's endpoint rules, e.g. {@code pai-dlc}.
   *
   * @return the product id
   */
  public String id() {
    return id;
  }

  /**
   * The API version sent as {@code x-acs-version}.
   *
   * @return the version, e.g. {@code 2020-12-03}
   */
  public String version() {
    return version;
  }

  /**
   * The request style.
   *
   * @return ROA or RPC
   */
  public Style style() {
    return style;
  }

  /**
   * The control-plane host for a region and network, e.g. {@code pai-dlc.cn-shanghai.aliyuncs.com}.
   * VPC and ECS in {@code cn-hangzhou} use their historical public hosts.
   *
   * @param region region id
   * @param network public or VPC endpoints
   * @return the host name
   */
  public String host(String region, EndpointNetwork network) {
    if (network == EndpointNetwork.VPC) {
      return vpcHostPrefix + "." + region + ".aliyuncs.com";
    }
    if (this == VPC && "cn-hangzhou".equals(region)) {
      return "vpc.aliyuncs.com";
    }
    if (this == ECS && "cn-hangzhou".equals(region)) {
      return "ecs-cn-hangzhou.aliyuncs.com";
    }
    return publicHostPrefix + "." + region + ".aliyuncs.com";
  }
}
