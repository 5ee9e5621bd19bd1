package dev.pailot.core.error;

import java.util.Optional;

/**
 * A request was invalid. Thrown by builders before any network call (then {@link #field()} names
 * the offending field and the message says how to fix it), and for PAI's own {@code
 * MissingParameter} / {@code InvalidParameter} answers.
 */
public class ValidationException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates a server-side validation failure.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   */
  public ValidationException(String message, ErrorDetails details) {
    super(message, details, null);
    this.field = null;
  }

  private ValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * A client-side validation failure naming the field, the problem and the fix.
   *
   * @param field the field's name as the builder spells it, e.g. {@code cidrBlock}
   * @param problem what is wrong, e.g. {@code "10.0.0.0/33" is not a valid IPv4 CIDR}
   * @param fix what to do, e.g. {@code use a block such as 10.0.0.0/16}
   * @return the exception, to be thrown by the caller
   */
  public static ValidationException invalidField(String field, String problem, String fix) {
    return new ValidationException(
        field, "Invalid " + field + ": " + problem + ". Fix: " + fix + ".");
  }

  /**
   * The field at fault, for client-side failures.
   *
   * @return the field name
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
