package dev.pailot.serving.client.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for requests that carry none: random (version 4) UUIDs drawn from {@link
 * ThreadLocalRandom}. {@link UUID#randomUUID()} draws from one shared {@code SecureRandom}, whose
 * lock every sending thread takes; an id that only correlates logs needs no cryptographic strength,
 * and the unary path should not serialise its callers on it.
 */
final class RequestIds {
  private RequestIds() {}

  /** A new random version-4, IETF-variant UUID string. */
  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant
    return new UUID(high, low).toString();
  }
}
