package dev.pailot.testkit.localpai.internal.eas;

import java.time.Instant;

/**
 * An EAS service group: one endpoint and token in front of its member services (§3.8, §9.1).
 * Created by {@code CreateGroup} or implicitly by a service naming it in {@code metadata.group}; an
 * implicit group disappears with its last member. Mutable; guarded by the {@link EasStore} monitor.
 */
final class ServiceGroup {
  final String name;
  final String token;
  final Instant createdAt;
  final boolean explicit;
  Instant updatedAt;
  String trafficMode = "auto";

  ServiceGroup(String name, String token, Instant createdAt, boolean explicit) {
    this.name = name;
    this.token = token;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.explicit = explicit;
  }
}
