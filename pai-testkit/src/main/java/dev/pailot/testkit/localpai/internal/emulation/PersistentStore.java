package dev.pailot.testkit.localpai.internal.emulation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A store of emulated resources that can be saved to and restored from LocalPai's state directory,
 * so that a restarted LocalPai keeps its jobs and services. Implementations are thread-safe.
 */
public interface PersistentStore {
  /**
   * File name stem in the state directory, e.g. {@code dlc-jobs}.
   *
   * @return the name
   */
  String storeName();

  /**
   * A consistent JSON snapshot of every resource (taken under the store's lock).
   *
   * @return the snapshot
   */
  JsonNode snapshot();

  /**
   * Replaces the store's contents with a snapshot written by {@link #snapshot()}. Called once at
   * start, before the server accepts requests.
   *
   * @param snapshot the snapshot
   */
  void restore(JsonNode snapshot);
}
