package dev.pailot.testkit.localpai.internal.eas;

import java.time.Instant;

/**
 * One deployment of a service version onto new replicas (create, update, rollback, start, restart,
 * scale-out).
 *
 * @param service service name
 * @param version the version deployed
 * @param generation the service's rollout counter; replicas of older generations are retired once
 *     this one is ready
 * @param startAt when the containers start (after scheduling)
 * @param crash whether its containers crash on start (injected deployment failure)
 */
record Rollout(
    String service, ServiceVersion version, int generation, Instant startAt, boolean crash) {}
