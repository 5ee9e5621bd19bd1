package dev.pailot.core.network.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Derives the {@code ClientToken} of every create call from what is being created, so that the same
 * create sent again, by the pipeline's retry, by a second {@code apply()} after a crash, or by
 * another process applying the same spec, returns the original resource instead of a duplicate.
 *
 * <p>A token is {@code pailot-<kind>-<32 hex>}: the first 128 bits of SHA-256 over a version tag,
 * an optional salt, the region, the parent resource id and the resource's identity (name, zone,
 * CIDR; for rules the sorted rule identities). At most 45 ASCII characters, within ECS's 64.
 *
 * <p>The price of determinism: VPC and ECS remember tokens for a while, so re-creating a resource
 * with the same identity soon after deleting it may return the deleted resource's id. A salt (see
 * {@code NetworkClient.Builder#clientTokenSalt}) starts a fresh token space.
 */
public final class ClientTokens {
  private static final String VERSION = "pailot-network-v1";

  private final String region;
  private final String salt;

  /**
   * Creates the deriver.
   *
   * @param region region id
   * @param salt salt, empty for none
   */
  public ClientTokens(String region, String salt) {
    this.region = region;
    this.salt = salt;
  }

  /**
   * Token for {@code CreateVpc}.
   *
   * @param name VPC name
   * @param cidrBlock VPC block
   * @return token
   */
  public String vpc(String name, String cidrBlock) {
    return token("vpc", List.of(name, cidrBlock));
  }

  /**
   * Token for {@code CreateVSwitch}.
   *
   * @param vpcId parent VPC
   * @param zoneId zone
   * @param name vSwitch name
   * @param cidrBlock vSwitch block
   * @return token
   */
  public String vSwitch(String vpcId, String zoneId, String name, String cidrBlock) {
    return token("vsw", List.of(vpcId, zoneId, name, cidrBlock));
  }

  /**
   * Token for {@code CreateSecurityGroup}.
   *
   * @param vpcId parent VPC
   * @param name group name
   * @return token
   */
  public String securityGroup(String vpcId, String name) {
    return token("sg", List.of(vpcId, name));
  }

  /**
   * Token for one {@code AuthorizeSecurityGroup} call.
   *
   * @param securityGroupId group
   * @param rules the rules authorized by the call
   * @return token
   */
  public String authorize(String securityGroupId, List<RuleIdentity> rules) {
    List<String> parts = new ArrayList<>();
    parts.add(securityGroupId);
    rules.stream().map(r -> r.render() + " " + r.attributes()).sorted().forEach(parts::add);
    return token("rules", parts);
  }

  private String token(String kind, List<String> parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    List<String> all = new ArrayList<>(List.of(VERSION, salt, region, kind));
    all.addAll(parts);
    for (String part : all) {
      // Length-prefixing each part keeps ("ab","c") and ("a","bc") apart.
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    return "pailot-" + kind + "-" + hex.substring(0, 32);
  }
}
