package dev.pailot.core.pricing;

import dev.pailot.core.error.ValidationException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hourly on-demand and spot prices per instance type, and what a run costs. Money is {@link
 * BigDecimal} throughout: prices are kept exactly as given and costs are rounded to cents (half up)
 * only at the end.
 *
 * <pre>{@code
 * PriceBook prices = PriceBook.defaults().merge(PriceBook.fromJson(Path.of("prices.json")));
 * BigDecimal spot = prices.cost("ecs.gn8v-c82g1.2xlarge", Duration.ofHours(10), true); // 85.00
 * BigDecimal saved = prices.savings("ecs.gn8v-c82g1.2xlarge", Duration.ofHours(10));  // 175.00
 * }</pre>
 *
 * <p>JSON shape for {@link #fromJson(String)} ({@code currency} defaults to {@code USD}; {@code
 * spotHourly} may be left out for types not offered as spot):
 *
 * <pre>{@code
 * {"currency": "USD",
 *  "instances": {"ecs.gn8v-c82g1.2xlarge": {"onDemandHourly": 26.00, "spotHourly": 8.50}}}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceBook {
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final Currency currency;
  private final Map<String, InstancePrice> prices;

  private PriceBook(Currency currency, Map<String, InstancePrice> prices) {
    this.currency = currency;
    this.prices = Collections.unmodifiableMap(new TreeMap<>(prices));
  }

  /**
   * Pailot's built-in prices, in USD. Only {@code ecs.gn8v-c82g1.2xlarge} (26.00 on demand, 8.50
   * spot) is the blueprint's own figure; the others are <b>illustrative, override them with your
   * contract prices</b> ({@link #merge(PriceBook)}, {@link #fromJson(Path)}):
   *
   * <table>
   *   <caption>Default hourly prices (USD)</caption>
   *   <tr><th>instance type</th><th>GPU</th><th>on demand</th><th>spot</th><th>source</th></tr>
   *   <tr><td>ecs.gn8v-c82g1.2xlarge</td><td>(see ECS docs)</td><td>26.00</td><td>8.50</td>
   *       <td>blueprint</td></tr>
   *   <tr><td>ecs.gn7i-c8g1.2xlarge</td><td>1 x A10</td><td>2.80</td><td>0.84</td>
   *       <td>illustrative</td></tr>
   *   <tr><td>ecs.gn6i-c4g1.xlarge</td><td>1 x T4</td><td>1.30</td><td>0.39</td>
   *       <td>illustrative</td></tr>
   *   <tr><td>ecs.gn6v-c8g1.2xlarge</td><td>1 x V100</td><td>3.10</td><td>0.93</td>
   *       <td>illustrative</td></tr>
   *   <tr><td>ecs.gn7-c12g1.3xlarge</td><td>1 x A100</td><td>4.80</td><td>1.44</td>
   *       <td>illustrative</td></tr>
   * </table>
   *
   * @return the default price book
   */
  public static PriceBook defaults() {
    return builder()
        .put(InstancePrice.of("ecs.gn8v-c82g1.2xlarge", "26.00", "8.50"))
        .put(InstancePrice.of("ecs.gn7i-c8g1.2xlarge", "2.80", "0.84"))
        .put(InstancePrice.of("ecs.gn6i-c4g1.xlarge", "1.30", "0.39"))
        .put(InstancePrice.of("ecs.gn6v-c8g1.2xlarge", "3.10", "0.93"))
        .put(InstancePrice.of("ecs.gn7-c12g1.3xlarge", "4.80", "1.44"))
        .build();
  }

  /**
   * A new, empty builder in USD.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a price book from JSON text (shape in the class comment).
   *
   * @param json JSON text
   * @return the price book
   * @throws ValidationException naming the field and the fix, for malformed JSON, an unknown
   *     currency, a negative price, or a spot price above on-demand
   */
  public static PriceBook fromJson(String json) {
    return PriceBookJson.read(Objects.requireNonNull(json, "json"));
  }

  /**
   * Reads a price book from a JSON stream (UTF-8). The stream is read to its end, not closed.
   *
   * @param json JSON stream
   * @return the price book
   * @throws ValidationException for invalid content, see {@link #fromJson(String)}
   */
  public static PriceBook fromJson(InputStream json) {
    return PriceBookJson.read(Objects.requireNonNull(json, "json"));
  }

  /**
   * Reads a price book from a JSON file (UTF-8).
   *
   * @param file JSON file
   * @return the price book
   * @throws ValidationException if the file cannot be read or is invalid, see {@link
   *     #fromJson(String)}
   */
  public static PriceBook fromJson(Path file) {
    return PriceBookJson.read(Objects.requireNonNull(file, "file"));
  }

  /**
   * This price book with the other's prices added, the other's winning for types in both.
   *
   * @param overrides prices to add or replace
   * @return a new price book
   * @throws ValidationException if the currencies differ
   */
  public PriceBook merge(PriceBook overrides) {
    Objects.requireNonNull(overrides, "overrides");
    if (!currency.equals(overrides.currency)) {
      throw ValidationException.invalidField(
          "currency",
          "cannot merge prices in " + overrides.currency + " into a price book in " + currency,
          "convert the prices to " + currency + " first");
    }
    Map<String, InstancePrice> merged = new TreeMap<>(prices);
    merged.putAll(overrides.prices);
    return new PriceBook(currency, merged);
  }

  /**
   * The ISO 4217 currency of every price and cost, e.g. {@code USD}.
   *
   * @return currency code
   */
  public String currency() {
    return currency.getCurrencyCode();
  }

  /**
   * The instance types priced, sorted.
   *
   * @return instance types
   */
  public Set<String> instanceTypes() {
    return prices.keySet();
  }

  /**
   * The prices of one type.
   *
   * @param instanceType instance type
   * @return its prices, or empty if this book has none
   */
  public Optional<InstancePrice> find(String instanceType) {
    return Optional.ofNullable(prices.get(instanceType));
  }

  /**
   * The on-demand price per hour.
   *
   * @param instanceType instance type
   * @return price per hour
   * @throws ValidationException naming the type, if this book has no price for it
   */
  public BigDecimal onDemandHourly(String instanceType) {
    return require(instanceType).onDemandHourly();
  }

  /**
   * The spot price per hour.
   *
   * @param instanceType instance type
   * @return price per hour
   * @throws ValidationException naming the type, if this book has no spot price for it
   */
  public BigDecimal spotHourly(String instanceType) {
    InstancePrice price = require(instanceType);
    return price
        .spotHourly()
        .orElseThrow(
            () ->
                ValidationException.invalidField(
                    "instanceType",
                    "the price book has no spot price for \"" + instanceType + "\"",
                    "add \"spotHourly\" for it with PriceBook.fromJson(...) and merge(...), or"
                        + " price it on demand"));
  }

  /**
   * What running one instance for a duration costs, rounded to cents (half up).
   *
   * @param instanceType instance type
   * @param duration running time, not negative
   * @param spot {@code true} for the spot price, {@code false} for on demand
   * @return the cost in {@link #currency()}, scale 2
   * @throws ValidationException if the type or its spot price is missing, or the duration is
   *     negative
   */
  public BigDecimal cost(String instanceType, Duration duration, boolean spot) {
    BigDecimal hourly = spot ? spotHourly(instanceType) : onDemandHourly(instanceType);
    return hourly.multiply(seconds(duration)).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
  }

  /**
   * What spot saves over on demand for one instance and a duration: the on-demand cost minus the
   * spot cost, each rounded to cents, so the figures add up as displayed.
   *
   * @param instanceType instance type
   * @param duration running time, not negative
   * @return the saving in {@link #currency()}, scale 2
   * @throws ValidationException if the type or its spot price is missing, or the duration is
   *     negative
   */
  public BigDecimal savings(String instanceType, Duration duration) {
    return cost(instanceType, duration, false).subtract(cost(instanceType, duration, true));
  }

  /**
   * This price book as JSON in the shape {@link #fromJson(String)} reads.
   *
   * @return JSON text
   */
  public String toJson() {
    return PriceBookJson.write(this);
  }

  Map<String, InstancePrice> prices() {
    return prices;
  }

  private InstancePrice require(String instanceType) {
    InstancePrice price = prices.get(instanceType);
    if (price == null) {
      throw ValidationException.invalidField(
          "instanceType",
          "the price book has no price for \"" + instanceType + "\"",
          "add it with PriceBook.fromJson(...) and merge(...), or PriceBook.builder().put(...)");
    }
    return price;
  }

  private static BigDecimal seconds(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw ValidationException.invalidField(
          "duration", "must be zero or more, was " + duration, "pass the running time");
    }
    return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
  }

  @Override
  public String toString() {
    return "PriceBook{" + currency + ", " + prices.size() + " instance types}";
  }

  /** Builds a {@link PriceBook}. Not thread-safe. */
  public static final class Builder {
    private Currency currency = Currency.getInstance("USD");
    private final Map<String, InstancePrice> prices = new TreeMap<>();

    private Builder() {}

    /**
     * The currency of every price. Default {@code USD}.
     *
     * @param code ISO 4217 code, e.g. {@code USD} or {@code CNY}
     * @return this builder
     * @throws ValidationException if the code is not an ISO 4217 currency
     */
    public Builder currency(String code) {
      this.currency = PriceBookJson.currency(code);
      return this;
    }

    /**
     * Adds or replaces one type's prices.
     *
     * @param price the prices
     * @return this builder
     */
    public Builder put(InstancePrice price) {
      prices.put(price.instanceType(), price);
      return this;
    }

    /**
     * Builds the price book.
     *
     * @return the price book
     */
    public PriceBook build() {
      return new PriceBook(currency, prices);
    }
  }
}
