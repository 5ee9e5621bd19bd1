package dev.pailot.serving.eas;

import java.util.Locale;

/** EAS service {@code Status} values (PAI_API.md §3.4). */
public enum ServiceStatus {
  /** Being created. */
  CREATING("Creating"),
  /** Deploying instances. */
  DEPLOYING("Deploying"),
  /** Waiting for instances to become ready. */
  WAITING("Waiting"),
  /** Pending scheduling. */
  PENDING("Pending"),
  /** All instances ready. */
  RUNNING("Running"),
  /** Changing the instance count. */
  SCALING("Scaling"),
  /** Rolling out a new version. */
  UPDATING("Updating"),
  /** Updating in place. */
  HOT_UPDATE("HotUpdate"),
  /** Starting after a stop. */
  STARTING("Starting"),
  /** Stopping. */
  STOPPING("Stopping"),
  /** Stopped: no instances. */
  STOPPED("Stopped"),
  /** A rollout failed; see events and diagnosis. */
  FAILED("Failed"),
  /** Being deleted. */
  DELETING("Deleting"),
  /** Deletion failed. */
  DELETE_FAILED("DeleteFailed"),
  /** A value this SDK version does not know. */
  UNKNOWN("Unknown");

  private final String wireValue;

  ServiceStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value on the wire, e.g. {@code HotUpdate}.
   *
   * @return wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Whether the service stays in this status until someone acts ({@code Running}, {@code Stopped},
   * {@code Failed}, {@code DeleteFailed}).
   *
   * @return true if settled
   */
  public boolean settled() {
    return this == RUNNING || this == STOPPED || this == FAILED || this == DELETE_FAILED;
  }

  /**
   * Parses a wire value, ignoring case.
   *
   * @param value wire value or {@code null}
   * @return status; {@link #UNKNOWN} for anything else
   */
  public static ServiceStatus fromWire(String value) {
    if (value != null) {
      for (ServiceStatus s : values()) {
        if (s.wireValue.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
