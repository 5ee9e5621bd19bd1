/**
 * Jackson DTOs mirroring the VPC 2016-04-28 and ECS 2014-05-26 JSON that Pailot's network code
 * reads. SDK-internal; not part of the public API.
 */
package dev.pailot.core.network.internal.wire;
