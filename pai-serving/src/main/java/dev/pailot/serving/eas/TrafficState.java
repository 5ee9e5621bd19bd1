package dev.pailot.serving.eas;

/** Whether a grouped service takes group traffic ({@code ReleaseService TrafficState}). */
public enum TrafficState {
  /** Outside group traffic: reachable only on its own endpoint. */
  STANDALONE("standalone"),
  /** Shares the group's traffic by weight (or instance count). */
  GROUPING("grouping");

  private final String wireValue;

  TrafficState(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value on the wire.
   *
   * @return {@code standalone} or {@code grouping}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses a wire value.
   *
   * @param value wire value or {@code null}
   * @return the state, or {@code null} if unknown or absent
   */
  public static TrafficState fromWire(String value) {
    for (TrafficState t : values()) {
      if (t.wireValue.equalsIgnoreCase(value)) {
        return t;
      }
    }
    return null;
  }
}
