/**
 * Network as code for PAI workloads: a plain-data {@link dev.pailot.core.network.NetworkSpec} (VPC,
 * vSwitches, security group, inbound rules), planned and applied idempotently by {@link
 * dev.pailot.core.network.NetworkClient}. Drift is reported, never deleted. See {@code
 * docs/network.md}.
 */
package dev.pailot.core.network;
