/**
 * Listener hooks: plain-data events for control-plane calls, retries and long-operation progress,
 * so a portal can show what the SDK does and a CLI can print it.
 */
package dev.pailot.core.event;
