package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.emulation.Ipv4Cidr;
import java.time.Instant;
import java.util.List;

/**
 * An emulated VPC. Immutable; its status is derived from {@link #createdAt()}.
 *
 * @param id {@code vpc-...}
 * @param name name, possibly empty
 * @param description description, possibly empty
 * @param cidr IPv4 block
 * @param tags tags
 * @param resourceGroupId resource group
 * @param vRouterId the VPC's router
 * @param routeTableId the router's system route table
 * @param createdAt creation time
 */
record Vpc(
    String id,
    String name,
    String description,
    Ipv4Cidr cidr,
    List<Tag> tags,
    String resourceGroupId,
    String vRouterId,
    String routeTableId,
    Instant createdAt) {}
