package dev.pailot.testkit.localpai.internal.emulation;

import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every emulated product shares: the region, the account, the clock and the time scale that
 * turns emulated minutes into real time, and resource id generation. Immutable and thread-safe.
 *
 * <p>State transitions (VPC {@code Pending}→{@code Available}, workspace {@code
 * INITIALIZING}→{@code ENABLED}) are computed when a resource is read, from its creation time, so
 * no timer threads exist and a read always sees a consistent state.
 */
public final class Emulation {
  private static final char[] ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private final String region;
  private final String accountId;
  private final Clock clock;
  private final Duration minute;
  private final String resourceGroupId;

  /**
   * Creates the shared context.
   *
   * @param region emulated region id
   * @param accountId emulated account id
   * @param clock clock
   * @param minute real time per emulated minute
   */
  public Emulation(String region, String accountId, Clock clock, Duration minute) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.minute = minute;
    // Derived from the account, not random, so resources restored from a state directory still
    // name the account's default group.
    this.resourceGroupId =
        "rg-acfm" + Long.toString(Math.abs((long) accountId.hashCode()) % 1_000_000_000_000L, 36);
  }

  /**
   * The account's default resource group, reported when a create names none.
   *
   * @return resource group id
   */
  public String defaultResourceGroupId() {
    return resourceGroupId;
  }

  /**
   * The emulated region.
   *
   * @return region id
   */
  public String region() {
    return region;
  }

  /**
   * The emulated account id.
   *
   * @return account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Now.
   *
   * @return the current instant
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * When a transition that takes {@code minutes} emulated minutes, started at {@code start}, ends.
   *
   * @param start start time
   * @param minutes emulated minutes
   * @return end time
   */
  public Instant after(Instant start, double minutes) {
    return start.plusNanos((long) (minute.toNanos() * minutes));
  }

  /**
   * Whether {@code minutes} emulated minutes have passed since {@code start}.
   *
   * @param start start time
   * @param minutes emulated minutes
   * @return {@code true} once they have
   */
  public boolean elapsed(Instant start, double minutes) {
    return !now().isBefore(after(start, minutes));
  }

  /**
   * Fails unless a request's {@code RegionId} is this emulator's region.
   *
   * @param regionId the requested region
   * @throws ServiceError {@code InvalidRegionId.NotFound} (404) for another region
   */
  public void checkRegion(String regionId) {
    if (!region.equals(regionId)) {
      throw ServiceError.notFound(
          "InvalidRegionId.NotFound",
          "Specified value of \"RegionId\" is not supported: this LocalPai serves " + region + ".");
    }
  }

  /**
   * A new resource id: {@code prefix} plus {@code length} random lower-case letters and digits, as
   * Alibaba's ids look ({@code vpc-bp1...}).
   *
   * @param prefix e.g. {@code vpc-}
   * @param length random part length
   * @return the id
   */
  public String newId(String prefix, int length) {
    StringBuilder sb = new StringBuilder(prefix);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      sb.append(ALNUM[r.nextInt(ALNUM.length)]);
    }
    return sb.toString();
  }

  /**
   * ISO-8601 UTC to the second, e.g. {@code 2026-01-01T00:00:00Z} (VPC and ECS style).
   *
   * @param t instant
   * @return text
   */
  public static String seconds(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * ISO-8601 UTC with milliseconds, e.g. {@code 2026-01-01T00:00:00.123Z} (AIWorkspace style).
   *
   * @param t instant
   * @return text
   */
  public static String millis(Instant t) {
    Instant m = t.truncatedTo(ChronoUnit.MILLIS);
    String s = DateTimeFormatter.ISO_INSTANT.format(m);
    // ISO_INSTANT drops a zero fraction; AIWorkspace always sends three digits.
    return m.getNano() == 0 ? s.replace("Z", ".000Z") : s;
  }
}
