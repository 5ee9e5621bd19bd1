package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.control.ServiceError;

/**
 * Checks a five-field cron expression ({@code minute hour day-of-month month day-of-week}) as EAS
 * cron scalers take it: each field is {@code *}, a number, a range {@code a-b}, a step {@code
 * {@literal *}/n} or {@code a-b/n}, or a comma-separated list of those.
 */
final class CronExpression {
  private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

  private CronExpression() {}

  /**
   * Fails unless {@code expr} is a valid five-field cron expression.
   *
   * @param key the parameter named in the error
   * @param expr the expression
   * @throws ServiceError {@code InvalidParameter}
   */
  static void check(String key, String expr) {
    String[] fields = expr.trim().split("\\s+");
    if (fields.length != 5) {
      throw invalid(key, expr);
    }
    for (int i = 0; i < 5; i++) {
      for (String part : fields[i].split(",", -1)) {
        if (!validPart(part, RANGES[i][0], RANGES[i][1])) {
          throw invalid(key, expr);
        }
      }
    }
  }

  private static boolean validPart(String part, int min, int max) {
    String range = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      Integer step = number(part.substring(slash + 1));
      if (step == null || step < 1) {
        return false;
      }
      range = part.substring(0, slash);
    }
    if (range.equals("*")) {
      return true;
    }
    int dash = range.indexOf('-');
    Integer from = number(dash < 0 ? range : range.substring(0, dash));
    Integer to = dash < 0 ? from : number(range.substring(dash + 1));
    return from != null && to != null && from >= min && to <= max && from <= to;
  }

  private static Integer number(String s) {
    if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(s);
  }

  private static ServiceError invalid(String key, String expr) {
    return ServiceError.invalid(
        key, "a five-field cron expression such as \"0 18 * * *\"; got \"" + expr + "\"");
  }
}
