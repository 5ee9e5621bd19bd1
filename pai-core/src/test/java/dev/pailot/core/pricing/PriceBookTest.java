package dev.pailot.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {
  private static final String GN8V = "ecs.gn8v-c82g1.2xlarge";

  @Test
  void defaultsCarryTheBlueprintFigure() {
    PriceBook prices = PriceBook.defaults();

    assertThat(prices.currency()).isEqualTo("USD");
    assertThat(prices.onDemandHourly(GN8V)).isEqualByComparingTo("26.00");
    assertThat(prices.spotHourly(GN8V)).isEqualByComparingTo("8.50");
    assertThat(prices.instanceTypes()).contains("ecs.gn7i-c8g1.2xlarge").hasSizeGreaterThan(3);
  }

  @Test
  void tenHoursOfGn8vCostAndSavings() {
    PriceBook prices = PriceBook.defaults();

    assertThat(prices.cost(GN8V, Duration.ofHours(10), true)).isEqualTo(new BigDecimal("85.00"));
    assertThat(prices.cost(GN8V, Duration.ofHours(10), false)).isEqualTo(new BigDecimal("260.00"));
    assertThat(prices.savings(GN8V, Duration.ofHours(10))).isEqualTo(new BigDecimal("175.00"));
  }

  @Test
  void partialHoursAreExactUntilTheFinalRounding() {
    PriceBook prices = PriceBook.builder().put(InstancePrice.of("ecs.t", "0.10", "0.03")).build();

    // 0.10 * 90 min = 0.15 exactly; 0.03 * 1 s = 0.00000833.. -> 0.00
    assertThat(prices.cost("ecs.t", Duration.ofMinutes(90), false))
        .isEqualTo(new BigDecimal("0.15"));
    assertThat(prices.cost("ecs.t", Duration.ofSeconds(1), true)).isEqualTo(new BigDecimal("0.00"));
    assertThat(prices.cost("ecs.t", Duration.ofMinutes(50), false))
        .isEqualTo(new BigDecimal("0.08"));
  }

  @Test
  void jsonOverridesAndExtendsTheDefaults() {
    PriceBook contract =
        PriceBook.fromJson(
            "{\"currency\":\"USD\",\"instances\":{"
                + "\"ecs.gn8v-c82g1.2xlarge\":{\"onDemandHourly\":24.10,\"spotHourly\":7.9},"
                + "\"ecs.new-type\":{\"onDemandHourly\":\"1.1\"}}}");

    PriceBook prices = PriceBook.defaults().merge(contract);

    assertThat(prices.onDemandHourly(GN8V)).isEqualTo(new BigDecimal("24.10"));
    assertThat(prices.spotHourly(GN8V)).isEqualTo(new BigDecimal("7.9"));
    assertThat(prices.onDemandHourly("ecs.new-type")).isEqualTo(new BigDecimal("1.1"));
    assertThat(prices.find("ecs.new-type").orElseThrow().spotHourly()).isEmpty();
    assertThat(prices.onDemandHourly("ecs.gn7i-c8g1.2xlarge")).isEqualByComparingTo("2.80");
  }

  @Test
  void readsFromStreamAndFileAndWritesTheSameShape(@TempDir Path dir) throws Exception {
    String json = PriceBook.defaults().toJson();
    Path file = Files.writeString(dir.resolve("prices.json"), json);

    PriceBook fromFile = PriceBook.fromJson(file);
    PriceBook fromStream =
        PriceBook.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(fromFile.instanceTypes()).isEqualTo(PriceBook.defaults().instanceTypes());
    assertThat(fromStream.spotHourly(GN8V)).isEqualTo(new BigDecimal("8.50"));
  }

  @Test
  void unknownTypeOrMissingSpotNamesTheTypeAndTheFix() {
    PriceBook prices = PriceBook.fromJson("{\"instances\":{\"ecs.od\":{\"onDemandHourly\":1}}}");

    assertThatThrownBy(() -> prices.onDemandHourly("ecs.nope"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ecs.nope")
        .hasMessageContaining("Fix:");
    assertThatThrownBy(() -> prices.cost("ecs.od", Duration.ofHours(1), true))
        .hasMessageContaining("no spot price for \"ecs.od\"");
    assertThat(prices.find("ecs.nope")).isEmpty();
  }

  @Test
  void invalidJsonIsRejectedWithTheFieldAndTheFix() {
    assertField("{\"instances\": {", "json");
    assertField("[1,2]", "json");
    assertField("{\"currency\":\"XYZ\",\"instances\":{}}", "currency");
    assertField("{\"currency\":\"USD\"}", "instances");
    assertField("{\"instances\":{},\"discount\":0.1}", "discount");
    assertField("{\"instances\":{\"ecs.x\":{\"spotHourly\":1}}}", "instances.ecs.x.onDemandHourly");
    assertField(
        "{\"instances\":{\"ecs.x\":{\"onDemandHourly\":-1}}}", "instances.ecs.x.onDemandHourly");
    assertField(
        "{\"instances\":{\"ecs.x\":{\"onDemandHourly\":1,\"spotHourly\":\"cheap\"}}}",
        "instances.ecs.x.spotHourly");
    assertField(
        "{\"instances\":{\"ecs.x\":{\"onDemandHourly\":1,\"spotHourly\":2}}}",
        "instances.ecs.x.spotHourly");
  }

  @Test
  void mergingDifferentCurrenciesIsRejected() {
    PriceBook cny = PriceBook.builder().currency("CNY").build();

    assertThatThrownBy(() -> PriceBook.defaults().merge(cny))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("currency"));
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatThrownBy(() -> PriceBook.defaults().cost(GN8V, Duration.ofHours(-1), false))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("duration"));
  }

  private static void assertField(String json, String field) {
    assertThatThrownBy(() -> PriceBook.fromJson(json))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).hasValue(field);
              assertThat(e.getMessage()).contains("Fix:");
            });
  }
}
