package dev.pailot.core.network.internal;

import java.time.Duration;

/**
 * How apply waits for a resource to become {@code Available}.
 *
 * @param timeout deadline per resource
 * @param minDelay first poll delay
 * @param maxDelay largest poll delay
 */
public record WaitSettings(Duration timeout, Duration minDelay, Duration maxDelay) {}
