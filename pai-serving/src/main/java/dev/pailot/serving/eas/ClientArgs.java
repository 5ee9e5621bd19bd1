package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.List;

/** Argument checks of {@link EasClient}: they fail before any call, naming the field and fix. */
final class ClientArgs {
  private ClientArgs() {}

  static String name(String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.invalidField("name", "is empty", "pass the service or group name");
    }
    return name;
  }

  static int ratio(int ratio) {
    SpecRules.range("ratioPercent", ratio, 0, 100);
    return ratio;
  }

  static List<String> targets(List<String> targets) {
    if (targets == null || targets.isEmpty()) {
      throw ValidationException.invalidField(
          "targets", "is empty", "name at least one service to mirror to");
    }
    targets.forEach(ClientArgs::name);
    return List.copyOf(targets);
  }

  static Duration positive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw ValidationException.invalidField(
          "timeout", "must be positive", "use e.g. Duration.ofMinutes(20)");
    }
    return timeout;
  }
}
