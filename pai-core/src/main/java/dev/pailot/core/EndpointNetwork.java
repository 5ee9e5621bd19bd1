package dev.pailot.core;

/** Which control-plane hosts to call. */
public enum EndpointNetwork {
  /** Public endpoints, e.g. {@code pai-dlc.cn-shanghai.aliyuncs.com}. */
  PUBLIC,
  /**
   * VPC endpoints reachable only from inside Alibaba Cloud, e.g. {@code
   * pai-dlc-vpc.cn-shanghai.aliyuncs.com}. PAI's {@code -vpc} hosts are documented; the VPC and ECS
   * {@code -vpc} hosts are unconfirmed, so override them explicitly if your region differs.
   */
  VPC
}
