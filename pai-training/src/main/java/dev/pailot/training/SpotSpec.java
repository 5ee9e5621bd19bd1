package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Runs a role on preemptible (spot) instances ({@code JobSpecs[].SpotSpec}) with a price cap:
 * exactly one of a discount limit (fraction of the on-demand price) or a price limit (CNY per
 * minute). If spot capacity cannot be had at that price, DLC keeps the job waiting and bidding; on
 * general-compute resources, reclamation makes the job fail.
 *
 * <pre>{@code
 * SpotSpec halfPrice = SpotSpec.ofDiscountLimit(0.5);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSpotSpec.class)
@JsonDeserialize(as = ImmutableSpotSpec.class)
public abstract class SpotSpec {

  /** How DLC bids for spot capacity ({@code SpotStrategy}). */
  public enum Strategy {
    /** {@code SpotWithPriceLimit}: the only strategy DLC offers for {@code SpotSpec}. */
    SPOT_WITH_PRICE_LIMIT("SpotWithPriceLimit");

    private final String wireValue;

    Strategy(String wireValue) {
      this.wireValue = wireValue;
    }

    /**
     * The value DLC expects.
     *
     * @return wire value
     */
    @JsonValue
    public String wireValue() {
      return wireValue;
    }

    /**
     * Parses a strategy from its wire value or constant name, case-insensitively.
     *
     * @param text the text
     * @return the strategy
     * @throws ValidationException naming {@code strategy} if unknown
     */
    @JsonCreator
    public static Strategy parse(String text) {
      for (Strategy s : values()) {
        if (s.wireValue.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
          return s;
        }
      }
      throw ValidationException.invalidField(
          "strategy", "\"" + text + "\" is not a spot strategy", "use SpotWithPriceLimit");
    }
  }

  /**
   * The bidding strategy. Default {@link Strategy#SPOT_WITH_PRICE_LIMIT}.
   *
   * @return strategy
   */
  @Value.Default
  public Strategy strategy() {
    return Strategy.SPOT_WITH_PRICE_LIMIT;
  }

  /**
   * The highest price as a fraction of the on-demand price, in (0, 1], e.g. {@code 0.5} ({@code
   * SpotDiscountLimit}).
   *
   * @return discount limit, if this spec caps by discount
   */
  public abstract Optional<Double> discountLimit();

  /**
   * The highest price in CNY per minute, greater than 0 ({@code SpotPriceLimit}).
   *
   * @return price limit, if this spec caps by price
   */
  public abstract Optional<Double> priceLimit();

  /**
   * A spot spec capped at a fraction of the on-demand price.
   *
   * @param discountLimit in (0, 1], e.g. {@code 0.5} for half the on-demand price
   * @return the spec
   * @throws ValidationException if the limit is outside (0, 1]
   */
  public static SpotSpec ofDiscountLimit(double discountLimit) {
    return builder().discountLimit(discountLimit).build();
  }

  /**
   * A spot spec capped at a price.
   *
   * @param cnyPerMinute highest price in CNY per minute, greater than 0
   * @return the spec
   * @throws ValidationException if the price is not positive
   */
  public static SpotSpec ofPriceLimit(double cnyPerMinute) {
    return builder().priceLimit(cnyPerMinute).build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (discountLimit().isPresent() == priceLimit().isPresent()) {
      throw ValidationException.invalidField(
          "spot",
          discountLimit().isPresent()
              ? "sets both a discount limit and a price limit"
              : "sets neither a discount limit nor a price limit",
          "give exactly one: SpotSpec.ofDiscountLimit(0.5) or SpotSpec.ofPriceLimit(0.1)");
    }
    discountLimit()
        .filter(d -> !(d > 0 && d <= 1))
        .ifPresent(
            d -> {
              throw ValidationException.invalidField(
                  "discountLimit",
                  d + " is outside (0, 1]",
                  "use a fraction of the on-demand price, e.g. 0.5 for half price");
            });
    priceLimit()
        .filter(p -> !(p > 0 && Double.isFinite(p)))
        .ifPresent(
            p -> {
              throw ValidationException.invalidField(
                  "priceLimit", p + " is not a positive price", "use CNY per minute, e.g. 0.1");
            });
  }

  /** Builder for {@link SpotSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableSpotSpec.Builder {
    Builder() {}

    /**
     * Validates and builds. No network call is made.
     *
     * @return the spec
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public SpotSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("SpotSpec", e, Map.of());
      }
    }
  }
}
