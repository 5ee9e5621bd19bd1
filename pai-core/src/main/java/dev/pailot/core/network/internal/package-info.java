/**
 * Operations behind {@link dev.pailot.core.network.NetworkClient}: VPC/ECS calls, reading the
 * cloud, diffing, applying and client tokens. SDK-internal; not part of the public API.
 */
package dev.pailot.core.network.internal;
