package dev.pailot.core.network;

import dev.pailot.core.error.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cross-field checks of {@link NetworkSpec}; each names the offending field. */
final class NetworkSpecChecks {
  private static final int MAX_TAGS = 20;

  private NetworkSpecChecks() {}

  static void checkTags(Map<String, String> tags) {
    String managedBy = tags.get(NetworkSpec.MANAGED_BY_KEY);
    if (managedBy != null && !managedBy.equals(NetworkSpec.MANAGED_BY_VALUE)) {
      throw ValidationException.invalidField(
          "tags[" + NetworkSpec.MANAGED_BY_KEY + "]",
          "is \"" + managedBy + "\", but Pailot finds its resources by managed-by=pailot",
          "remove the tag; Pailot adds managed-by=pailot itself");
    }
    int total = tags.size() + (managedBy == null ? 1 : 0);
    if (total > MAX_TAGS) {
      throw ValidationException.invalidField(
          "tags",
          "has " + total + " tags including managed-by=pailot",
          "use at most " + (MAX_TAGS - 1) + " tags of your own");
    }
    tags.forEach(NetworkSpecChecks::checkTag);
  }

  private static void checkTag(String key, String value) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (key.isBlank()
        || key.length() > 128
        || lower.startsWith("aliyun")
        || lower.startsWith("acs:")) {
      throw ValidationException.invalidField(
          "tags[" + key + "]",
          "the key is empty, longer than 128 characters, or starts with aliyun or acs:",
          "use a key such as team or cost-center");
    }
    if (value.length() > 128) {
      throw ValidationException.invalidField(
          "tags[" + key + "]", "the value is longer than 128 characters", "shorten it");
    }
  }

  static void checkVSwitches(Cidr vpc, List<VSwitchSpec> vSwitches) {
    if (vSwitches.isEmpty()) {
      throw ValidationException.invalidField(
          "vSwitches",
          "is empty; PAI places workloads in vSwitches",
          "add one per zone you run in, e.g. VSwitchSpec.of(\"cn-shanghai-b\", \"10.0.1.0/24\","
              + " \"pailot-prod-b\")");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < vSwitches.size(); i++) {
      VSwitchSpec v = vSwitches.get(i);
      String field = "vSwitches[" + i + "]";
      if (!vpc.contains(v.cidr())) {
        throw ValidationException.invalidField(
            field + ".cidrBlock",
            v.cidrBlock() + " of vSwitch " + v.name() + " is not inside the VPC block " + vpc,
            "pick a block inside " + vpc);
      }
      Integer dup = seen.put(v.zoneId() + "/" + v.name(), i);
      if (dup != null) {
        throw ValidationException.invalidField(
            field + ".name",
            "vSwitch " + v.name() + " in " + v.zoneId() + " is already vSwitches[" + dup + "]",
            "give each vSwitch in a zone its own name");
      }
      checkNoOverlap(vSwitches, i);
    }
  }

  private static void checkNoOverlap(List<VSwitchSpec> vSwitches, int i) {
    VSwitchSpec v = vSwitches.get(i);
    for (int j = 0; j < i; j++) {
      VSwitchSpec other = vSwitches.get(j);
      if (other.cidr().overlaps(v.cidr())) {
        throw ValidationException.invalidField(
            "vSwitches[" + i + "].cidrBlock",
            v.cidrBlock()
                + " of vSwitch "
                + v.name()
                + " overlaps "
                + other.cidrBlock()
                + " of vSwitch "
                + other.name(),
            "give each vSwitch a block of its own");
      }
    }
  }

  static void checkIngress(List<IngressRule> rules, boolean allowPublic) {
    for (int i = 0; i < rules.size(); i++) {
      IngressRule rule = rules.get(i);
      if (rule.source().isAnyAddress() && !allowPublic) {
        throw ValidationException.invalidField(
            "securityGroup.ingressRules[" + i + "].sourceCidr",
            "rule " + rule + " admits the whole internet",
            "narrow the source block, or set allowPublicIngress(true) if you mean it");
      }
    }
  }
}
