/**
 * Generic waiters: poll until an acceptor matches, with backoff, a deadline, progress callbacks and
 * fail-fast unrecoverable states.
 */
package dev.pailot.core.waiter;
