package dev.pailot.core.workspace;

import java.util.Locale;

/**
 * A workspace's lifecycle state as PAI reports it ({@code Status}). {@link #ENABLED} is ready;
 * {@link #INITIALIZING} and {@link #UPDATING} pass; {@link #FAILURE}, {@link #DISABLED} and {@link
 * #FROZEN} will not become ready on their own.
 */
public enum WorkspaceStatus {
  /** Ready for use. */
  ENABLED,
  /** Being created. */
  INITIALIZING,
  /** Being updated. */
  UPDATING,
  /** Creation or an update failed. */
  FAILURE,
  /** Disabled by an administrator. */
  DISABLED,
  /** Frozen, typically for an overdue account. */
  FROZEN,
  /** A state this SDK version does not know; waiters keep polling through it. */
  UNKNOWN;

  /**
   * Whether the workspace can never become {@link #ENABLED} without someone acting on it.
   *
   * @return {@code true} for {@link #FAILURE}, {@link #DISABLED} and {@link #FROZEN}
   */
  public boolean isTerminalFailure() {
    return this == FAILURE || this == DISABLED || this == FROZEN;
  }

  /**
   * Maps PAI's status text; unknown or missing text becomes {@link #UNKNOWN}.
   *
   * @param text the status text, or {@code null}
   * @return the status
   */
  public static WorkspaceStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
