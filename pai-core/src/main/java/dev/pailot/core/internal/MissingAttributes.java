package dev.pailot.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the names of the required attributes an Immutables builder reports as missing ({@code
 * "Cannot build X, some of required attributes are not set [a, b]"}), so every module can turn that
 * into a {@link dev.pailot.core.error.ValidationException} naming the field. SDK-internal.
 */
public final class MissingAttributes {
  private static final Pattern MISSING = Pattern.compile("not set \\[([^\\]]*)\\]");

  private MissingAttributes() {}

  /**
   * The missing attribute names, in Immutables' order.
   *
   * @param e the builder's failure
   * @return the names; empty if the message is not Immutables' missing-attributes message
   */
  public static List<String> names(IllegalStateException e) {
    Matcher m = MISSING.matcher(String.valueOf(e.getMessage()));
    if (!m.find() || m.group(1).isBlank()) {
      return List.of();
    }
    return Arrays.stream(m.group(1).split(",")).map(String::trim).toList();
  }
}
