/**
 * The spot run's machinery: the run loop, one attempt's submission, watch and end, the gang-start
 * guard, cost estimates, lost-work measurement, events and report rendering. SDK-internal; not part
 * of the public API.
 */
package dev.pailot.training.spot.internal;
