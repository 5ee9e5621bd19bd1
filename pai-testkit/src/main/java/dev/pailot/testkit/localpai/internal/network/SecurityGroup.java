package dev.pailot.testkit.localpai.internal.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulated security group with its rules. Immutable: rule changes produce a new value.
 *
 * @param id {@code sg-...}
 * @param name name, possibly empty
 * @param description description, possibly empty
 * @param type {@code normal} or {@code enterprise}
 * @param vpcId the VPC
 * @param tags tags
 * @param resourceGroupId resource group
 * @param createdAt creation time
 * @param rules rules, oldest first (none at creation: everything inbound is denied)
 */
record SecurityGroup(
    String id,
    String name,
    String description,
    String type,
    String vpcId,
    List<Tag> tags,
    String resourceGroupId,
    Instant createdAt,
    List<SecurityGroupRule> rules) {

  SecurityGroup {
    rules = List.copyOf(rules);
  }

  /**
   * This group with more rules.
   *
   * @param added rules to append
   * @return a copy
   */
  SecurityGroup withRulesAdded(List<SecurityGroupRule> added) {
    List<SecurityGroupRule> all = new ArrayList<>(rules);
    all.addAll(added);
    return withRules(all);
  }

  /**
   * This group with other rules.
   *
   * @param replacement the rules
   * @return a copy
   */
  SecurityGroup withRules(List<SecurityGroupRule> replacement) {
    return new SecurityGroup(
        id, name, description, type, vpcId, tags, resourceGroupId, createdAt, replacement);
  }

  /**
   * {@code Accept} for normal groups (members reach each other), {@code Drop} for enterprise ones.
   *
   * @return the inner access policy
   */
  String innerAccessPolicy() {
    return "enterprise".equals(type) ? "Drop" : "Accept";
  }
}
