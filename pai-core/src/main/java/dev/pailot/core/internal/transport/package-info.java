/**
 * SDK-internal control-plane transport: operation descriptors, requests, the tea-openapi transport
 * (V3 signing), error mapping and the Failsafe retry pipeline. Not part of the public API.
 */
package dev.pailot.core.internal.transport;
