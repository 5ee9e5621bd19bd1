package dev.pailot.testkit.localpai.internal.engine;

import java.util.List;

/**
 * Applies {@code stop} strings to streamed text as vLLM does: text that could be the start of a
 * stop string is held back until it is known not to be one, and output ends right before a stop
 * string, which is not included. Not thread-safe: one per sequence, used by the engine thread.
 */
final class StopMatcher {
  private final List<String> stops;
  private final StringBuilder pending = new StringBuilder();
  private boolean stopped;

  StopMatcher(List<String> stops) {
    this.stops = List.copyOf(stops);
  }

  /**
   * Takes the next token and returns the text that may be sent now.
   *
   * @param token the token's text
   * @param checkStops {@code false} while {@code min_tokens} is not reached yet
   * @return releasable text, possibly empty
   */
  String offer(String token, boolean checkStops) {
    pending.append(token);
    if (stops.isEmpty() || !checkStops) {
      return release(pending.length());
    }
    int at = firstStop();
    if (at >= 0) {
      stopped = true;
      String out = pending.substring(0, at);
      pending.setLength(0);
      return out;
    }
    return release(pending.length() - heldBack());
  }

  /** Whether the last offered token completed a stop string. */
  boolean stopped() {
    return stopped;
  }

  /** Text held back at the end of the sequence (it turned out not to be a stop string). */
  String flush() {
    return release(pending.length());
  }

  private String release(int n) {
    String out = pending.substring(0, n);
    pending.delete(0, n);
    return out;
  }

  private int firstStop() {
    int best = -1;
    for (String s : stops) {
      int i = pending.indexOf(s);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /** Length of the longest suffix of the pending text that is a proper prefix of a stop string. */
  private int heldBack() {
    int held = 0;
    for (String s : stops) {
      for (int k = Math.min(s.length() - 1, pending.length()); k > held; k--) {
        if (endsWith(s, k)) {
          held = k;
          break;
        }
      }
    }
    return held;
  }

  private boolean endsWith(String stop, int k) {
    int start = pending.length() - k;
    for (int i = 0; i < k; i++) {
      if (pending.charAt(start + i) != stop.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
