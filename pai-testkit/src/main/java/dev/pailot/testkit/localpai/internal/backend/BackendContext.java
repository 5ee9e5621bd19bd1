package dev.pailot.testkit.localpai.internal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;

/**
 * What a {@link BackendFactory} knows about the replica it creates.
 *
 * @param serviceName EAS service name
 * @param version the service version (EAS {@code CurrentVersion}) this replica runs
 * @param replicaIndex 0-based replica index
 * @param serviceConfig the stored EAS service JSON (metadata, cloud, containers, storage, ...)
 * @param seed seed for deterministic behaviour (derived from the emulator seed, name and replica)
 * @param emulation region, clock and time scale of the emulator
 */
public record BackendContext(
    String serviceName,
    int version,
    int replicaIndex,
    JsonNode serviceConfig,
    long seed,
    Emulation emulation) {}
