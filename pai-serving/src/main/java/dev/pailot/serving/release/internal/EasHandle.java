package dev.pailot.serving.release.internal;

import dev.pailot.core.Pai;
import dev.pailot.serving.eas.EasClient;
import java.util.Objects;

/**
 * The {@code Pai} client and the EAS client a release entry point ({@code BlueGreen}, {@code
 * Shadow}) works through, and whether it created, and so closes, the EAS client. Thread-safe.
 *
 * @param pai the caller's client, never closed here
 * @param eas the EAS client built from {@code pai}
 * @param owned whether {@link #close()} closes {@code eas}
 */
public record EasHandle(Pai pai, EasClient eas, boolean owned) implements AutoCloseable {
  /**
   * Checks the clients.
   *
   * @param pai the caller's client
   * @param eas the EAS client
   * @param owned whether it is closed here
   */
  public EasHandle {
    Objects.requireNonNull(pai, "pai");
    Objects.requireNonNull(eas, "eas");
  }

  /**
   * A new EAS client on {@code pai}, closed by {@link #close()}.
   *
   * @param pai the caller's client
   * @return the handle
   */
  public static EasHandle owned(Pai pai) {
    return new EasHandle(pai, EasClient.create(pai), true);
  }

  /**
   * The caller's EAS client, which the caller closes.
   *
   * @param pai the caller's client
   * @param eas an EAS client built from {@code pai}
   * @return the handle
   */
  public static EasHandle borrowed(Pai pai, EasClient eas) {
    return new EasHandle(pai, eas, false);
  }

  /** Closes the EAS client if this handle created it. */
  @Override
  public void close() {
    if (owned) {
      eas.close();
    }
  }
}
