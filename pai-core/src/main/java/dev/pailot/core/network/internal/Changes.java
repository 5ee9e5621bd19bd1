package dev.pailot.core.network.internal;

import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.PlannedChange;
import dev.pailot.core.network.PlannedChange.Action;
import dev.pailot.core.network.PlannedChange.ResourceType;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.VSwitchSpec;
import java.util.Optional;

/** Builds plan lines so that plan and apply describe a resource with the same words. */
final class Changes {
  private Changes() {}

  static PlannedChange of(ResourceType type, String name, Action action, String id, String detail) {
    return PlannedChange.builder()
        .resourceType(type)
        .name(name)
        .action(action)
        .resourceId(Optional.ofNullable(id))
        .detail(detail)
        .build();
  }

  static PlannedChange vpc(NetworkSpec spec, Action action, String id) {
    return of(ResourceType.VPC, spec.name(), action, id, spec.cidrBlock());
  }

  static PlannedChange vSwitch(VSwitchSpec v, Action action, String id) {
    return of(ResourceType.VSWITCH, v.name(), action, id, v.zoneId() + " " + v.cidrBlock());
  }

  static PlannedChange group(SecurityGroupSpec g, Action action, String id) {
    return of(ResourceType.SECURITY_GROUP, g.name(), action, id, "");
  }

  /** The progress-event resource name, e.g. {@code vswitch/cn-shanghai-b/pailot-prod-b}. */
  static String resource(VSwitchSpec v) {
    return "vswitch/" + v.zoneId() + "/" + v.name();
  }
}
