package dev.pailot.training;

/**
 * A pod's state ({@code Pods[].Status}, PAI_API.md §2.7). PAI's own {@code Unknown} and any state
 * this SDK does not know both map to {@link #UNKNOWN}; {@link Pod#statusText()} keeps PAI's text.
 */
public enum PodStatus {
  /** {@code Pending}: scheduled or pulling the image. */
  PENDING("Pending"),
  /** {@code Running}. */
  RUNNING("Running"),
  /** {@code Succeeded}: exited with code 0. */
  SUCCEEDED("Succeeded"),
  /** {@code Failed}: exited with an error or was evicted. */
  FAILED("Failed"),
  /** {@code Unknown}, or a state this SDK does not know. */
  UNKNOWN("Unknown");

  private final String wireValue;

  PodStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The text PAI uses, e.g. {@code Running}.
   *
   * @return wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Maps PAI's status text, case-insensitively; unknown or missing text becomes {@link #UNKNOWN}.
   *
   * @param text the status text, or {@code null}
   * @return the status
   */
  public static PodStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    for (PodStatus s : values()) {
      if (s.wireValue.equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
