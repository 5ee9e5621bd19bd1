package dev.pailot.core.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the price book's JSON. Numbers are read as {@link BigDecimal} straight from the
 * text, never through {@code double}, so {@code 0.1} stays exactly {@code 0.1}.
 */
final class PriceBookJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Keep "8.50" as 8.50: JSON trees strip trailing zeros by default.
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private static final Set<String> TOP_LEVEL = Set.of("currency", "instances");
  private static final Set<String> ENTRY = Set.of("onDemandHourly", "spotHourly");
  private static final String SHAPE =
      "write it as {\"currency\":\"USD\",\"instances\":{\"ecs.gn8v-c82g1.2xlarge\":"
          + "{\"onDemandHourly\":26.00,\"spotHourly\":8.50}}}";

  private PriceBookJson() {}

  static PriceBook read(String json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  static PriceBook read(InputStream json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ValidationException.invalidField(
          "json", "the price book stream could not be read (" + e.getMessage() + ")", SHAPE);
    }
  }

  static PriceBook read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw ValidationException.invalidField(
          "file",
          "price book " + file + " could not be read (" + e.getClass().getSimpleName() + ")",
          "check that the file exists and is readable");
    }
  }

  static String write(PriceBook book) {
    ObjectNode root = JSON.createObjectNode().put("currency", book.currency());
    ObjectNode instances = root.putObject("instances");
    book.prices()
        .forEach(
            (type, p) -> {
              ObjectNode entry =
                  instances.putObject(type).put("onDemandHourly", p.onDemandHourly());
              p.spotHourly().ifPresent(s -> entry.put("spotHourly", s));
            });
    return root.toPrettyString();
  }

  static Currency currency(String code) {
    try {
      return Currency.getInstance(code == null ? "" : code.trim());
    } catch (IllegalArgumentException e) {
      throw ValidationException.invalidField(
          "currency", "\"" + code + "\" is not a known ISO 4217 currency", "use e.g. USD or CNY");
    }
  }

  private static PriceBook fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw ValidationException.invalidField("json", "the price book is not a JSON object", SHAPE);
    }
    rejectUnknown("", root, TOP_LEVEL);
    PriceBook.Builder b = PriceBook.builder();
    JsonNode currency = root.get("currency");
    if (currency != null) {
      if (!currency.isTextual()) {
        throw ValidationException.invalidField("currency", "must be text", "use e.g. \"USD\"");
      }
      b.currency(currency.asText());
    }
    JsonNode instances = root.get("instances");
    if (instances == null || !instances.isObject()) {
      throw ValidationException.invalidField("instances", "is missing or not an object", SHAPE);
    }
    for (Map.Entry<String, JsonNode> e : instances.properties()) {
      b.put(entry(e.getKey(), e.getValue()));
    }
    return b.build();
  }

  private static InstancePrice entry(String type, JsonNode node) {
    String field = "instances." + type;
    if (!node.isObject()) {
      throw ValidationException.invalidField(field, "is not an object", SHAPE);
    }
    rejectUnknown(field + ".", node, ENTRY);
    BigDecimal onDemand =
        number(field + ".onDemandHourly", node.get("onDemandHourly"))
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        field + ".onDemandHourly", "is missing", "add the hourly on-demand price"));
    return new InstancePrice(type, onDemand, number(field + ".spotHourly", node.get("spotHourly")));
  }

  private static Optional<BigDecimal> number(String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    if (node.isTextual()) {
      try {
        return Optional.of(new BigDecimal(node.asText().trim()));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw ValidationException.invalidField(
        field, "\"" + node.asText() + "\" is not a price", "write a number such as 26.00");
  }

  private static void rejectUnknown(String prefix, JsonNode node, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      if (!allowed.contains(name)) {
        throw ValidationException.invalidField(
            prefix + name, "is not a price book field", "use only " + allowed);
      }
    }
  }

  private static ValidationException malformed(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return ValidationException.invalidField(
        "json",
        "the price book is not valid JSON" + where + " (" + e.getOriginalMessage() + ")",
        SHAPE);
  }
}
