package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.emulation.Ipv4Cidr;
import java.time.Instant;
import java.util.List;

/**
 * An emulated vSwitch. Immutable; its status is derived from {@link #createdAt()}.
 *
 * @param id {@code vsw-...}
 * @param vpcId owning VPC
 * @param zoneId zone, e.g. {@code cn-shanghai-b}
 * @param cidr IPv4 block inside the VPC's
 * @param name name, possibly empty
 * @param description description, possibly empty
 * @param tags tags
 * @param resourceGroupId resource group
 * @param createdAt creation time
 */
record VSwitch(
    String id,
    String vpcId,
    String zoneId,
    Ipv4Cidr cidr,
    String name,
    String description,
    List<Tag> tags,
    String resourceGroupId,
    Instant createdAt) {}
