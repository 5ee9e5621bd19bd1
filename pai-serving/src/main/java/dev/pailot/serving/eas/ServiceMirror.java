package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A service's traffic mirror ({@code DescribeServiceMirror}): the share of requests copied to the
 * target services, whose answers are discarded.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceMirror {
  /**
   * {@code ServiceName}: the mirrored service.
   *
   * @return name
   */
  public abstract String serviceName();

  /**
   * {@code Ratio}: percent of requests copied, 0 to 100.
   *
   * @return ratio
   */
  public abstract int ratioPercent();

  /**
   * {@code Target}: the services that receive the copies.
   *
   * @return targets
   */
  public abstract List<String> targets();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ServiceMirror}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceMirror.Builder {
    Builder() {}
  }
}
