package dev.pailot.training.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** DLC's time format: ISO-8601 UTC with seconds, e.g. {@code 2021-01-12T14:35:01Z}. */
final class WireTimes {
  private WireTimes() {}

  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text.trim()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
