package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One item of {@code DescribeServiceDiagnosis}: an error EAS found, its causes and advice.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceDiagnosis {
  /**
   * {@code Error}.
   *
   * @return the error found
   */
  public abstract String error();

  /**
   * {@code Causes}.
   *
   * @return causes
   */
  public abstract List<String> causes();

  /**
   * {@code Advices}.
   *
   * @return advice
   */
  public abstract List<String> advices();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ServiceDiagnosis}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceDiagnosis.Builder {
    Builder() {}
  }
}
