package dev.pailot.core.waiter;

import java.time.Duration;

/**
 * Progress of a {@link Waiter}: what it waits for, the last state seen, and for how long.
 *
 * @param description what is waited for
 * @param state the last state seen
 * @param polls polls made so far
 * @param elapsed time since waiting started
 * @param done whether the desired state was reached
 */
public record WaiterPoll(
    String description, String state, int polls, Duration elapsed, boolean done) {}
