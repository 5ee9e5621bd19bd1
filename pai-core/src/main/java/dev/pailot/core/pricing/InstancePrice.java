package dev.pailot.core.pricing;

import dev.pailot.core.error.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The hourly prices of one instance type, in its {@link PriceBook}'s currency. Immutable and
 * thread-safe.
 *
 * @param instanceType the instance type, e.g. {@code ecs.gn8v-c82g1.2xlarge}
 * @param onDemandHourly the pay-as-you-go price per hour, not negative
 * @param spotHourly the spot (preemptible) price per hour, not negative and not above {@code
 *     onDemandHourly}; empty when the type is not offered as spot
 */
public record InstancePrice(
    String instanceType, BigDecimal onDemandHourly, Optional<BigDecimal> spotHourly) {

  /**
   * Validates the prices.
   *
   * @param instanceType instance type
   * @param onDemandHourly on-demand price per hour
   * @param spotHourly spot price per hour, if offered
   * @throws ValidationException naming the field if a price is negative or spot exceeds on-demand
   */
  public InstancePrice {
    Objects.requireNonNull(spotHourly, "spotHourly");
    if (instanceType == null || instanceType.isBlank() || instanceType.matches(".*\\s.*")) {
      throw ValidationException.invalidField(
          "instanceType",
          "\"" + instanceType + "\" is not an instance type",
          "use a type name such as ecs.gn7i-c8g1.2xlarge");
    }
    String field = "instances." + instanceType;
    if (onDemandHourly == null || onDemandHourly.signum() < 0) {
      throw ValidationException.invalidField(
          field + ".onDemandHourly",
          "must be a price of 0 or more, was " + onDemandHourly,
          "set the hourly on-demand price, e.g. 26.00");
    }
    spotHourly.ifPresent(spot -> checkSpot(field, onDemandHourly, spot));
  }

  private static void checkSpot(String field, BigDecimal onDemand, BigDecimal spot) {
    if (spot.signum() < 0) {
      throw ValidationException.invalidField(
          field + ".spotHourly",
          "must be a price of 0 or more, was " + spot.toPlainString(),
          "set the hourly spot price, e.g. 8.50, or leave it out if spot is not offered");
    }
    if (spot.compareTo(onDemand) > 0) {
      throw ValidationException.invalidField(
          field + ".spotHourly",
          spot.toPlainString()
              + " is above the on-demand price "
              + onDemand.toPlainString()
              + ", so spot would never save money",
          "check both figures against your contract; spot must not exceed on-demand");
    }
  }

  /**
   * A price with both figures.
   *
   * @param instanceType instance type
   * @param onDemandHourly on-demand price per hour, e.g. {@code "26.00"}
   * @param spotHourly spot price per hour, e.g. {@code "8.50"}
   * @return the price
   * @throws ValidationException if the figures are invalid
   */
  public static InstancePrice of(String instanceType, String onDemandHourly, String spotHourly) {
    return new InstancePrice(
        instanceType,
        decimal(instanceType, onDemandHourly),
        Optional.of(decimal(instanceType, spotHourly)));
  }

  private static BigDecimal decimal(String instanceType, String text) {
    try {
      return new BigDecimal(Objects.requireNonNullElse(text, "").trim());
    } catch (NumberFormatException e) {
      throw ValidationException.invalidField(
          "instances." + instanceType, "\"" + text + "\" is not a price", "write it like 26.00");
    }
  }
}
