/**
 * Stub builders for the PAI, VPC and ECS APIs Pailot calls, typed fixtures they are built from,
 * PAI's error bodies, and fault injection (throttling bursts, 5xx, delays, connection resets).
 *
 * <p>RPC APIs (VPC, ECS) are matched by the {@code x-acs-action} header on {@code POST /}; ROA APIs
 * (AIWorkspace) by method, percent-encoded path and {@code x-acs-action}. Responses have the shapes
 * documented by Alibaba Cloud, with PascalCase wire names.
 */
package dev.pailot.testkit.stubs;
