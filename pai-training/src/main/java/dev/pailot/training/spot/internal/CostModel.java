package dev.pailot.training.spot.internal;

import dev.pailot.core.pricing.PriceBook;
import dev.pailot.training.Job;
import dev.pailot.training.Pod;
import dev.pailot.training.RoleSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cost estimates from the price book: a role costs its pod count times the running time at its
 * instance type's spot price (a role with {@code SpotSpec}) or on-demand price, rounded to cents
 * per role by {@link PriceBook#cost}. Roles on a resource group (no instance type) or types the
 * book does not price make the estimate unknown. Immutable and thread-safe.
 */
public final class CostModel {
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final PriceBook prices;

  /**
   * Creates the model.
   *
   * @param prices the price book
   */
  public CostModel(PriceBook prices) {
    this.prices = prices;
  }

  /**
   * The price book's currency.
   *
   * @return ISO 4217 code
   */
  public String currency() {
    return prices.currency();
  }

  /**
   * Whether every role can be priced, as run and on demand.
   *
   * @param roles the attempt's roles
   * @return whether costs are known
   */
  public boolean prices(List<RoleSpec> roles) {
    return roles.stream().allMatch(r -> priced(r, r.spot().isPresent()) && priced(r, false));
  }

  /**
   * What the roles cost for a running time.
   *
   * @param roles the attempt's roles
   * @param running running time
   * @param onDemand {@code true} to price every role on demand, {@code false} as it runs
   * @return the cost, or empty if a role is not priced
   */
  public Optional<BigDecimal> cost(List<RoleSpec> roles, Duration running, boolean onDemand) {
    if (!prices(roles)) {
      return Optional.empty();
    }
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (RoleSpec r : roles) {
      boolean spot = !onDemand && r.spot().isPresent();
      total =
          total.add(
              prices.cost(r.ecsSpec().orElseThrow(), running.multipliedBy(r.podCount()), spot));
    }
    return Optional.of(total);
  }

  /**
   * What the roles cost per hour as they run.
   *
   * @param roles the attempt's roles
   * @return hourly rate, or empty if a role is not priced
   */
  public Optional<BigDecimal> hourly(List<RoleSpec> roles) {
    if (!prices(roles)) {
      return Optional.empty();
    }
    BigDecimal total = BigDecimal.ZERO;
    for (RoleSpec r : roles) {
      String type = r.ecsSpec().orElseThrow();
      BigDecimal rate =
          r.spot().isPresent() ? prices.spotHourly(type) : prices.onDemandHourly(type);
      total = total.add(rate.multiply(BigDecimal.valueOf(r.podCount())));
    }
    return Optional.of(total);
  }

  /**
   * What an hourly rate costs over a duration, rounded to cents.
   *
   * @param hourly rate per hour
   * @param duration duration
   * @return cost
   */
  public static BigDecimal over(BigDecimal hourly, Duration duration) {
    return hourly
        .multiply(BigDecimal.valueOf(duration.toMillis()))
        .divide(SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(1000)), 2, RoundingMode.HALF_UP);
  }

  /**
   * The running time a job is billed for so far: the larger of DLC's {@code Duration} and the
   * interval from its first running pod (or its running time) to its finish (or {@code now}), so a
   * missing or stale {@code Duration} never lowers the estimate. Zero if nothing ran.
   *
   * @param job the job
   * @param now the run's clock, for a job still running
   * @return billed running time
   */
  public static Duration billable(Job job, Instant now) {
    Duration reported = job.duration().filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    Instant start = job.runningAt().orElse(null);
    for (Pod p : job.pods()) {
      Instant s = p.startedAt().orElse(null);
      if (s != null && (start == null || s.isBefore(start))) {
        start = s;
      }
    }
    if (start == null) {
      return reported;
    }
    Instant end = job.status().isTerminal() ? job.finishedAt().orElse(now) : now;
    Duration fromTimes = Duration.between(start, end);
    return fromTimes.compareTo(reported) > 0 ? fromTimes : reported;
  }

  private boolean priced(RoleSpec r, boolean spot) {
    if (r.ecsSpec().isEmpty()) {
      return false;
    }
    return prices
        .find(r.ecsSpec().get())
        .map(p -> !spot || p.spotHourly().isPresent())
        .orElse(false);
  }
}
